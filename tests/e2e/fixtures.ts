import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCollector } from '../../server/collector';
import { readConfig } from '../../server/config';
import { startMarketplaceServer, type SitePages } from './marketplace-server';
import { testCertificate } from './test-certificate';

export const extensionDir = resolve('.output/chrome-mv3');

type Collector = Awaited<ReturnType<typeof startCollector>> & { url: string };

/** Starts a real collector (SQLite in a temp dir, or TEST_E2E_DATABASE_URL) serving the built PWA. */
export async function startTestCollector(): Promise<Collector & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nongsan-so-e2e-'));
  const collector = await startCollector({ ...readConfig(), port: 0, dataDir, databaseUrl: process.env.TEST_E2E_DATABASE_URL || null });
  return {
    ...collector,
    dataDir,
    url: `http://localhost:${collector.port}`,
    async close() {
      await collector.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with the real built extension, marketplace host names pointed at a local fixture server.
 * `extraArgs`: more Chromium switches (a phone's touch-only pointer for the popup on phones).
 */
export async function launchWithExtension(marketplacePort: number, userDataDir = '', extraArgs: string[] = []): Promise<{ context: BrowserContext; serviceWorker: Worker; extensionId: string }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'vi-VN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // Every other host fails at once: the saved marketplace pages link dozens of assets on voso.vn,
      // image.voso.vn, facebook…, and waiting for their DNS to time out made a page load take ~17 s.
      `--host-resolver-rules=MAP langson.postmart.vn 127.0.0.1:${marketplacePort}, MAP langson.voso.vn 127.0.0.1:${marketplacePort}, MAP * ~NOTFOUND, EXCLUDE localhost`,
      // The fixture server's throwaway certificate, trusted by its key alone (not every certificate error).
      `--ignore-certificate-errors-spki-list=${testCertificate().spki}`,
      ...extraArgs,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, serviceWorker, extensionId: new URL(serviceWorker.url()).host };
}

export const test = base.extend<
  { sitePages: SitePages; extension: { context: BrowserContext; serviceWorker: Worker; extensionId: string } },
  { collector: Collector }
>({
  sitePages: [{}, { option: true }],
  collector: [
    async ({}, use) => {
      const collector = await startTestCollector();
      await use(collector);
      await collector.close();
    },
    { scope: 'worker' },
  ],
  extension: async ({ sitePages }, use) => {
    const site = await startMarketplaceServer(sitePages);
    const launched = await launchWithExtension(site.port);
    await use(launched);
    await launched.context.close();
    await site.close();
  },
});

export { expect } from '@playwright/test';
