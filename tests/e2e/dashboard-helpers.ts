import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { ScenarioCollector } from './scenario-collector';

/** Runs the real `npm run admin -- create-province-admin` against the test collector's data. */
export function createProvinceAdmin(collector: Pick<ScenarioCollector, 'dataDir' | 'databaseUrl'>, username: string, password: string, name = 'Trần Thị Sở') {
  const env = { ...process.env, DATA_DIR: collector.dataDir, DATABASE_URL: collector.databaseUrl ?? '' };
  return execFileSync('npx', ['tsx', 'server/admin.ts', 'create-province-admin', '--username', username, '--name', name, '--password', password], { env, encoding: 'utf8' });
}

export async function signIn(page: Page, username: string, password: string) {
  // The form first: signing out waits for the collector before it shows, and meanwhile the page it leaves may have
  // its own "Tên đăng nhập…" field (creating an account), which took the username once in CI.
  await expect(page.getByRole('heading', { name: 'Đăng nhập trang báo cáo' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** No axe-core violations on the page as it stands. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The province's and agencies' desktop (issue 15: every dashboard screen tried at 1366×768). */
export const desktop = { viewport: { width: 1366, height: 768 } };

/** A full-page screenshot kept with the run's results (test-results/, not committed) and attached to the report. */
export async function keepScreenshot(page: Page, name: string) {
  const info = test.info();
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
}
