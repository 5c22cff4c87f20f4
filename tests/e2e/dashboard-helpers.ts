import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/** Runs the real `npm run admin -- create-province-admin` against the test collector's data. */
export function createProvinceAdmin(collector: object, username: string, password: string, name = 'Trần Thị Sở') {
  // startTestCollector returns its data folder; the fixture's type does not name it (shared file, left as is).
  const { dataDir } = collector as { dataDir: string };
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: process.env.TEST_E2E_DATABASE_URL ?? '' };
  return execFileSync('npx', ['tsx', 'server/admin.ts', 'create-province-admin', '--username', username, '--name', name, '--password', password], { env, encoding: 'utf8' });
}

export async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** The province's and agencies' screens: a 1366×768 office desktop (issue 15). */
export const desktop = { width: 1366, height: 768 };

/** A full-page screenshot kept with the run's artifacts (test-results/…, never committed). */
export async function keepScreenshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** No axe-core violations on the page as it stands. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
