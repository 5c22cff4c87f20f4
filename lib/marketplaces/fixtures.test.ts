// Zotero-style: every fixture page is read at its URL and compared with the expected JSON beside it.
// Add a page: name.html + its URL in pages.json + name.expected.json (see docs/extraction.md).
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractPage } from './extract';

const pages = import.meta.glob<Record<string, string>>('./*/fixtures/pages.json', { eager: true, import: 'default' });
const html = import.meta.glob<string>('./*/fixtures/*.html', { eager: true, query: '?raw', import: 'default' });
const expected = import.meta.glob<unknown>('./*/fixtures/*.expected.json', { eager: true, import: 'default' });

export function readFixture(path: string, url: string) {
  const { document } = parseHTML(html[path]);
  return extractPage(document as unknown as Document, url);
}

describe.each(Object.entries(pages))('%s', (index, list) => {
  const folder = index.replace(/pages\.json$/, '');
  it('lists every page of its folder, and every expected JSON belongs to a listed page', () => {
    const files = Object.keys(html).filter((f) => f.startsWith(folder)).map((f) => f.slice(folder.length));
    expect(Object.keys(list).sort()).toEqual(files.sort());
    const answers = Object.keys(expected).filter((f) => f.startsWith(folder)).map((f) => f.slice(folder.length).replace(/\.expected\.json$/, '.html'));
    expect(answers.sort()).toEqual(files.sort());
  });
  it.each(Object.entries(list))('%s', (file, url) => {
    const want = expected[folder + file.replace(/\.html$/, '.expected.json')];
    expect(want, `${file}: expected JSON is missing`).toBeDefined();
    expect(JSON.parse(JSON.stringify(readFixture(folder + file, url)))).toEqual(want);
  });
});
