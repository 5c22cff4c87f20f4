// npm test: type check, unit tests (Vitest, SQLite and PostgreSQL), end-to-end tests (Playwright, Debian
// Chromium with the real built extension). Installs Chromium and PostgreSQL from Debian packages when it can.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { ensureChromium, ensurePostgres } from './ensure-tools.mjs';

const chromium = ensureChromium();
const pg = ensurePostgres();
const env = { ...process.env, CHROMIUM_PATH: chromium, TEST_DATABASE_URL: pg.url };

function step(title, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    pg.stop();
    console.error(`\n${title}: thất bại (mã ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

step('Kiểm tra kiểu (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('Xây dựng (tiện ích + PWA)', 'node', ['scripts/build.mjs']);
mkdirSync('.test-reports', { recursive: true });
step('Kiểm thử đơn vị (Vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.test-reports/vitest.json']);
step('Kiểm thử đầu-cuối (Playwright + Chromium)', 'npx', ['playwright', 'test']);
pg.stop();

// One closing line for both runners, in the plain form CI reads.
const unit = JSON.parse(readFileSync('.test-reports/vitest.json', 'utf8'));
const e2e = JSON.parse(readFileSync('.test-reports/playwright.json', 'utf8')).stats;
const passed = unit.numPassedTests + e2e.expected + e2e.flaky;
const failed = unit.numFailedTests + e2e.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.skipped;
console.log(`\nVitest: ${unit.numPassedTests} passed; Playwright: ${e2e.expected} passed.`);
if (e2e.flaky) console.log(`Cảnh báo / warning: ${e2e.flaky} end-to-end test(s) passed only on retry (flaky).`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed === 0 || failed > 0) process.exit(1);
