// lib/ is shared by the content script, the PWA and the collector: no browser or Node API in its code.
// (Tests may use linkedom and fast-check; the code they test may not.)
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['./**/*.ts', '!./**/*.test.ts', '!./api/**', '!./region/**'], {
  eager: true,
  query: '?raw',
  import: 'default',
});
const FORBIDDEN = [
  /\bwindow\s*[.[]/,
  /(?<![.\w])document\s*\./,
  /(?<![.\w])fetch\s*\(/,
  /\blocalStorage\b|\bsessionStorage\b|\bnavigator\./,
  /\bchrome\.|\bbrowser\./,
  /from\s+['"](node:|fs|path|linkedom|os)['"/]/,
  /\brequire\s*\(/,
  /\bprocess\.(env|argv|exit)/,
];

describe('lib purity', () => {
  it.each(Object.entries(sources))('%s uses no browser or Node global', (_file, code) => {
    const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
    for (const re of FORBIDDEN) expect(withoutComments).not.toMatch(re);
  });
  it('found the sources', () => expect(Object.keys(sources).length).toBeGreaterThan(10));
});
