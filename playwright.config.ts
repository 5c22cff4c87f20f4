import { defineConfig } from '@playwright/test';

// Debian Chromium, never a downloaded browser. Extension tests launch their own persistent context.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  // CI runs on a fresh, shared machine: one retry, and `npm test` reports any test that needed it as flaky.
  retries: process.env.CI ? 1 : 0,
  // The JSON report feeds the one closing line of `npm test` (scripts/test.mjs).
  reporter: [['list'], ['json', { outputFile: '.test-reports/playwright.json' }]],
  use: {
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
