// web-ext lint (Mozilla's addons-linter, offline) on the Firefox build: no errors, and no warning but the two
// that are by design: Preact's runtime sets innerHTML (for dangerouslySetInnerHTML, which we never use; the
// notice bundles its own copy), and the content script loads its lazy parts with import(runtime.getURL(…)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('web-ext lint: the Firefox build has no errors and no unexpected warnings', () => {
  const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--self-hosted', '--output', 'json'], { encoding: 'utf8' });
  const report = JSON.parse(r.stdout) as { errors: { code: string; file: string }[]; warnings: { code: string; file: string; message: string }[] };
  assert.deepEqual(report.errors, []);
  const expected = (w: { code: string; file: string; message: string }) =>
    w.code === 'UNSAFE_VAR_ASSIGNMENT' &&
    ((w.message === 'Unsafe assignment to innerHTML' && /^(notice\.js|chunks\/jsxRuntime-[\w-]+\.js)$/.test(w.file)) ||
      (w.message === 'Unsafe call to import for argument 0' && w.file === 'content-scripts/marketplace.js'));
  assert.deepEqual(report.warnings.filter((w) => !expected(w)).map((w) => `${w.code} ${w.file}: ${w.message}`), []);
});
