import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import { resolve } from 'node:path';
import { startMarketplaceServer, type SitePages } from './marketplace-server';
import { testCertificate } from './test-certificate';
import { startScenarioCollector, type ScenarioCollector } from './scenario-collector';

export const extensionDir = resolve('.output/chrome-mv3');

/**
 * A real collector serving the built PWA (or the copy in `pwaDir`), on a database of its own: SQLite in a temp dir,
 * or, with TEST_E2E_DATABASE_URL (a PostgreSQL server), a throwaway database made there.
 */
export const startTestCollector = (opts: { pwaDir?: string } = {}): Promise<ScenarioCollector> =>
  startScenarioCollector(process.env.TEST_E2E_DATABASE_URL ? 'postgres' : 'sqlite', { ...opts, server: process.env.TEST_E2E_DATABASE_URL });

/**
 * Chromium with the real built extension, marketplace host names pointed at a local fixture server.
 * `extraArgs`: more Chromium switches (a phone's touch-only pointer for the popup on phones). `extension`: another
 * extension's directory instead (the bench's floor under the real one, bench/extension-floor.ts).
 */
export async function launchWithExtension(marketplacePort: number, userDataDir = '', extraArgs: string[] = [], extension = extensionDir): Promise<{ context: BrowserContext; serviceWorker: Worker; extensionId: string }> {
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
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
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
  { sitePages: SitePages; extension: { context: BrowserContext; serviceWorker: Worker; extensionId: string }; ownCollector: ScenarioCollector },
  { collector: ScenarioCollector }
>({
  sitePages: [{}, { option: true }],
  /**
   * The worker's collector, shared by the specs that run on it one after another: a spec creates its own people
   * (random names, fresh codes) and reads back only what it made. A spec that asserts what the whole collector
   * holds (an agency's or the province's figures, the period list, the registry) takes `ownCollector` instead.
   */
  collector: [
    async ({}, use) => {
      const collector = await startTestCollector();
      await use(collector);
      await collector.close();
    },
    { scope: 'worker' },
  ],
  /**
   * A collector for this test alone, started empty as on a fresh install. Its start and stop (migrations, the region
   * seeded) have a timeout of their own, as the worker's collector has, not a share of the test's.
   */
  ownCollector: [
    async ({}, use) => {
      const collector = await startTestCollector();
      await use(collector);
      await collector.close();
    },
    { timeout: 60_000 },
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
