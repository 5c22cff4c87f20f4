// npm test: type check, unit tests (Vitest, SQLite and PostgreSQL), end-to-end tests (Playwright, Debian
// Chromium with the real built extension). Installs Chromium and PostgreSQL from Debian packages when it can.
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensurePostgres } from './ensure-tools.mjs';

const chromium = ensureChromium();
const pg = ensurePostgres();
const env = { ...process.env, CHROMIUM_PATH: chromium, TEST_DATABASE_URL: pg.url };

function step(title, cmd, args) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    pg.stop();
    console.error(`\n${title}: thất bại (mã ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

step('Kiểm tra kiểu (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('Xây dựng (tiện ích + PWA)', 'node', ['scripts/build.mjs']);
step('Kiểm thử đơn vị (Vitest)', 'npx', ['vitest', 'run']);
step('Kiểm thử đầu-cuối (Playwright + Chromium)', 'npx', ['playwright', 'test']);
pg.stop();
