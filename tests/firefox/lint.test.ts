// web-ext lint (Mozilla's addons-linter, offline) on the Firefox build: no errors, and no warning but the two
// that are by design: Preact's runtime sets innerHTML (for dangerouslySetInnerHTML, which our own code never
// uses), in whichever bundle or chunk the bundler put Preact, and the content script loads its lazy parts with
// import(runtime.getURL(…)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const build = '.output/firefox-mv2';
/** The file holds Preact's runtime: its only innerHTML write serves dangerouslySetInnerHTML. */
const holdsPreact = (file: string) => readFileSync(`${build}/${file}`, 'utf8').includes('dangerouslySetInnerHTML');

test('our own code never writes HTML from strings', () => {
  const r = spawnSync('grep', ['-rlE', '--exclude=*.test.*', 'dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML', 'entrypoints', 'components', 'client'], { encoding: 'utf8' });
  assert.equal(r.stdout, '');
});

test('web-ext lint: the Firefox build has no errors and no unexpected warnings', () => {
  const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', build, '--self-hosted', '--output', 'json'], { encoding: 'utf8' });
  const report = JSON.parse(r.stdout) as { errors: { code: string; file: string }[]; warnings: { code: string; file: string; message: string }[] };
  assert.deepEqual(report.errors, []);
  const expected = (w: { code: string; file: string; message: string }) =>
    w.code === 'UNSAFE_VAR_ASSIGNMENT' &&
    ((w.message === 'Unsafe assignment to innerHTML' && holdsPreact(w.file)) ||
      (w.message === 'Unsafe call to import for argument 0' && w.file === 'marketplace.js'));
  assert.deepEqual(report.warnings.filter((w) => !expected(w)).map((w) => `${w.code} ${w.file}: ${w.message}`), []);
});

test('the content script and the pages it loads are for the two marketplaces over https:// only', () => {
  const manifest = JSON.parse(readFileSync(`${build}/manifest.json`, 'utf8'));
  const https = ['https://langson.postmart.vn/*', 'https://langson.voso.vn/*'];
  assert.deepEqual(manifest.content_scripts.map((c: { matches: string[] }) => c.matches.toSorted()), [https]);
  assert.deepEqual(manifest.permissions.filter((p: string) => p.includes('langson')).toSorted(), https);
});
