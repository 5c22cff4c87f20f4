// The collector's rules on an order page (issue 12): the content script reads them from storage only while they are
// newer than the bundled ones, as the script the background registers then says (entrypoints/newer-rules.ts); an order
// page otherwise reads with the bundled rules and never asks storage.
import type { Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { fixture } from './marketplace-server';
import { expectNotice, readNotice } from './notice-reader';
import type { RulesCache } from '../../entrypoints/shared/rules-choice';
import type { SiteRules } from '../../lib/marketplaces/rules';

test.use({ sitePages: { 'langson.voso.vn': { '/dat-hang': fixture('voso/fixtures/order-confirmation.html') } } });

/** voso's rules at `version`, whose confirmation rule reads the first of the page's two orders only. */
function firstOrderOnly(version: string): RulesCache {
  const voso = JSON.parse(readFileSync('lib/marketplaces/voso/rules.json', 'utf8')) as SiteRules;
  const pages = voso.pages.map((p) => (p.type === 'order-confirmation' && p.orders ? { ...p, orders: { ...p.orders, order: '.order-success__package:first-child' } } : p));
  return { rules: { version, sites: [{ ...voso, version, pages }] }, fetchedAt: new Date().toISOString() };
}

/** Stores the collector's rules as the background does (shared/rules-cache.ts). */
const storeRules = (sw: Worker, cache: RulesCache) =>
  sw.evaluate((rules) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ rules }), cache);

/** The ids of the content scripts the background has registered. */
const registered = (sw: Worker) =>
  sw.evaluate(async () =>
    (await (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }).chrome.scripting.getRegisteredContentScripts()).map((s) => s.id),
  );

test('an order page is read with the collector\'s newer rules', async ({ extension }) => {
  const { context, serviceWorker } = extension;
  expect(await registered(serviceWorker)).toEqual([]);
  await storeRules(serviceWorker, firstOrderOnly('2099-01-01'));
  await expect.poll(() => registered(serviceWorker)).toEqual(['newer-rules']);
  const page = await context.newPage();
  await page.goto('https://langson.voso.vn/dat-hang');
  await expectNotice(page, 'Đã ghi nhận đơn VS2611290417');
  // The bundled rules read two orders there.
  expect((await readNotice(page))!.lines.map((l) => l.text.includes('VS2611290418'))).toEqual([false]);
});

test('a copy of the collector\'s rules older than the bundled ones is not read: both orders are', async ({ extension }) => {
  const { context, serviceWorker } = extension;
  await storeRules(serviceWorker, firstOrderOnly('2099-01-01'));
  await expect.poll(() => registered(serviceWorker)).toEqual(['newer-rules']);
  // As after an update that bundles rules newer than the collector's copy.
  await storeRules(serviceWorker, firstOrderOnly('2000-01-01'));
  await expect.poll(() => registered(serviceWorker)).toEqual([]);
  const page = await context.newPage();
  await page.goto('https://langson.voso.vn/dat-hang');
  await expectNotice(page, 'Đã ghi nhận đơn VS2611290417', 'Đã ghi nhận đơn VS2611290418');
});
