import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Figures } from './figures';

// Source lines a maintainer reads, per app and in all: TypeScript outside tests, fixtures and generated data.
// Blank lines and comment-only lines are not counted, so comments that say why cost nothing here.
const areas = ['lib', 'client', 'components', 'entrypoints', 'pwa/src', 'server'] as const;
/** The count before issue 9's restructuring (commit 2b606b0, same counting), to read the total against. */
const before = 10_332;

function sourceFiles(area: string): string[] {
  const r = spawnSync('git', ['ls-files', '--', `${area}/*.ts`, `${area}/*.tsx`], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((f) => f && !/\.test\.tsx?$|\/fixtures\/|\/testing\//.test(f));
}

const codeLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => {
      const t = l.trim();
      return t && !t.startsWith('//') && !t.startsWith('*') && !t.startsWith('/*');
    }).length;

export async function run(): Promise<Figures> {
  const figures: Figures = {};
  let total = 0;
  for (const area of areas) {
    const lines = sourceFiles(area).reduce((s, f) => s + codeLines(f), 0);
    total += lines;
    figures[`code.lines.${area.replace('/src', '')}`] = { value: lines, unit: 'lines', better: 'lower' };
  }
  figures['code.lines.total'] = { value: total, unit: 'lines', better: 'lower' };
  figures['code.lines.total-at-2b606b0'] = { value: before, unit: 'lines', better: 'lower' };
  return figures;
}
