// Finds (and, as root with apt, installs) what the tests need outside npm: Debian Chromium and PostgreSQL.
// Exported for scripts/test.mjs and bench/run.ts; prints exactly what to do when it cannot install.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const isRoot = process.getuid?.() === 0;
let aptUpdated = false;

function aptInstall(pkgs) {
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  return spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env }).status === 0;
}

/** A browser from its Debian package, installed when missing (as root); its path, or exit with how to get it. */
function ensureBrowser({ env, path: defaultPath, pkg, name, why }) {
  const path = process.env[env] ?? defaultPath;
  if (existsSync(path)) return path;
  console.log(`Chưa có ${name}: đang cài từ gói Debian (apt-get install ${pkg})…`);
  if (aptInstall([pkg]) && existsSync(path)) return path;
  console.error(`Cần ${name} để ${why}. Hãy chạy với quyền root: apt-get update && apt-get install -y ${pkg}`);
  console.error(`hoặc đặt ${env} tới một ${name} có sẵn.`);
  process.exit(1);
}

export const ensureChromium = () =>
  ensureBrowser({ env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', pkg: 'chromium', name: 'Chromium', why: 'chạy kiểm thử đầu-cuối' });

export const ensureFirefox = () =>
  ensureBrowser({ env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', pkg: 'firefox-esr', name: 'Firefox ESR', why: 'chạy kiểm thử tiện ích trên Firefox' });

function pgBinDir() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

function hash(text) {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

/**
 * A PostgreSQL for the test suite: TEST_DATABASE_URL if set, otherwise a throwaway cluster under /tmp
 * started from Debian's packages (installed when missing). Returns the URL and a stop function.
 */
export function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop() {} };
  let bin = pgBinDir();
  if (!bin) {
    console.log('Chưa có PostgreSQL: đang cài từ gói Debian (apt-get install postgresql)…');
    aptInstall(['postgresql']);
    bin = pgBinDir();
  }
  if (!bin) {
    console.error('Cần PostgreSQL để kiểm thử máy chủ trên cả hai cơ sở dữ liệu. Chạy với quyền root: apt-get install -y postgresql');
    console.error('hoặc đặt TEST_DATABASE_URL=postgres://user:pass@host:port/db tới một máy chủ có sẵn.');
    process.exit(1);
  }
  // One cluster per checkout (port derived from the folder), so two checkouts can test side by side.
  const port = Number(process.env.TEST_PG_PORT ?? 54330 + (hash(process.cwd()) % 500));
  const dir = `/tmp/nongsan-so-pg-${port}`;
  // postgres refuses to run as root: run it as the 'postgres' system user when we are root.
  const asUser = isRoot ? ['runuser', '-u', 'postgres', '--'] : [];
  const run = (cmd, args) => {
    const full = [...asUser, join(bin, cmd), ...args];
    return spawnSync(full[0], full.slice(1), { stdio: 'pipe', encoding: 'utf8' });
  };
  run('pg_ctl', ['-D', dir, '-m', 'immediate', 'stop']);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (isRoot) execSync(`chown postgres:postgres ${dir}`);
  chmodSync(dir, 0o700);
  const init = run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  if (init.status !== 0) throw new Error(`initdb thất bại: ${init.stderr}`);
  writeFileSync(join(dir, 'postgresql.auto.conf'), `listen_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${dir}'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 300\n`);
  if (isRoot) execSync(`chown postgres:postgres ${join(dir, 'postgresql.auto.conf')}`);
  const start = run('pg_ctl', ['-D', dir, '-l', join(dir, 'server.log'), '-w', 'start']);
  if (start.status !== 0) throw new Error(`Không khởi động được PostgreSQL: ${start.stderr}${start.stdout}`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      run('pg_ctl', ['-D', dir, '-m', 'fast', 'stop']);
    },
  };
}
