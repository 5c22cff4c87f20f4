// web-ext lint (Mozilla's addons-linter, offline) on the Firefox build: no errors, and no warning but the two
// that are by design: Preact's runtime sets innerHTML (for dangerouslySetInnerHTML, which we never use; the
// notice bundles its own copy, the pages share one in whichever chunk the bundler names), and the content script loads its lazy parts with import(runtime.getURL(…)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

test('web-ext lint: the Firefox build has no errors and no unexpected warnings', () => {
  const dir = '.output/firefox-mv2';
  const isPreact = (file: string) => readFileSync(join(dir, file), 'utf8').includes('dangerouslySetInnerHTML');
  const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--self-hosted', '--output', 'json'], { encoding: 'utf8' });
  const report = JSON.parse(r.stdout) as { errors: { code: string; file: string }[]; warnings: { code: string; file: string; message: string }[] };
  assert.deepEqual(report.errors, []);
  const expected = (w: { code: string; file: string; message: string }) =>
    w.code === 'UNSAFE_VAR_ASSIGNMENT' &&
    ((w.message === 'Unsafe assignment to innerHTML' && isPreact(w.file)) ||
      (w.message === 'Unsafe call to import for argument 0' && w.file === 'content-scripts/marketplace.js'));
  assert.deepEqual(report.warnings.filter((w) => !expected(w)).map((w) => `${w.code} ${w.file}: ${w.message}`), []);
});
