import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// README's folder table ("| folder | what is in it |") is how a newcomer finds their way: it must match the tree.
const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The table's rows: the folder in the first cell, and every folder path (`a/b/`) named anywhere in the row. */
function folderTable(markdown: string): { folder: string; mentioned: string[] }[] {
  const lines = markdown.split('\n');
  const head = lines.findIndex((l) => /^\|\s*folder\s*\|\s*what is in it\s*\|$/.test(l.trim()));
  if (head < 0) return [];
  const rows = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const first = /^\|\s*`([^`]+\/)`\s*\|/.exec(line);
    const mentioned = [...line.matchAll(/`([\w.-]+(?:\/[\w.-]+)*\/)`/g)].map((m) => m[1]);
    rows.push({ folder: first?.[1] ?? '', mentioned });
  }
  return rows;
}

/** Top-level folders git tracks (not dot-folders such as .ci): what a clone contains. */
function trackedTopFolders(): string[] {
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
  return [...new Set(files.filter((f) => f.includes('/') && !f.startsWith('.')).map((f) => f.slice(0, f.indexOf('/'))))].sort();
}

const isDir = (p: string) => existsSync(join(root, p)) && statSync(join(root, p)).isDirectory();

describe('README folder table', () => {
  const rows = folderTable(readme);

  it('has one row per folder, each naming its folder in the first cell', () => {
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((r) => !r.folder)).toEqual([]);
  });

  it('names only folders that exist', () => {
    const named = [...new Set(rows.flatMap((r) => [r.folder, ...r.mentioned]))];
    expect(named.filter((f) => !isDir(f))).toEqual([]);
  });

  it('lists every top-level folder of the repository', () => {
    const listed = new Set(rows.map((r) => r.folder.split('/')[0]));
    expect(trackedTopFolders().filter((f) => !listed.has(f))).toEqual([]);
  });

  it('reads the table the way it is written (checked on a small table)', () => {
    const md = '# x\n\n| folder | what is in it |\n| --- | --- |\n| `lib/` | pure code; `lib/api/` schemas |\n| nothing | here |\n\nafter\n| `x/` | not in the table |';
    expect(folderTable(md)).toEqual([
      { folder: 'lib/', mentioned: ['lib/', 'lib/api/'] },
      { folder: '', mentioned: [] },
    ]);
  });
});
