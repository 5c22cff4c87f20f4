// How many fixture fields each strategy reads right, against the expected JSON people wrote and checked
// (lib/marketplaces/*/fixtures). Fields: per order its code, date, shipping fee, discount, total, status, and
// per item its name, quantity, unit price and line total; a field the reader missed or read wrong counts as
// wrong, an order or item it did not find counts all its fields wrong. Grouped by the strategy the expected
// JSON names (site rules, structured data, labels = reading by content). Then the site-rules pages again with
// no rules at all: what reading by structured data and content still gets when a site changes overnight.
import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractPage } from '../lib/marketplaces/extract';
import type { ExtractedOrder, ExtractResult } from '../lib/marketplaces/types';
import type { Rules } from '../lib/marketplaces/rules';
import { round, type Figures } from './figures';

const ORDER_FIELDS = ['orderCode', 'placedAt', 'shippingFee', 'discount', 'total', 'status'] as const;
const ITEM_FIELDS = ['name', 'quantity', 'unitPrice', 'lineTotal'] as const;
const dir = 'lib/marketplaces';

interface Tally {
  right: number;
  all: number;
}

function compare(want: ExtractedOrder[], got: ExtractedOrder[], t: Tally) {
  want.forEach((w, n) => {
    const g = got.find((o) => w.orderCode !== null && o.orderCode === w.orderCode) ?? got[n];
    for (const f of ORDER_FIELDS) {
      t.all++;
      if (g && (g[f] ?? null) === (w[f] ?? null)) t.right++;
    }
    w.items.forEach((wi, k) => {
      const gi = g?.items.find((i) => i.name === wi.name) ?? g?.items[k];
      for (const f of ITEM_FIELDS) {
        t.all++;
        if (gi && gi[f] === wi[f]) t.right++;
      }
    });
  });
}

/** Fields read right per strategy over every fixture page, with the given rules (bundled when undefined). */
export function fieldsReadRight(read: (doc: Document, url: string, rules?: Rules) => ExtractResult = extractPage) {
  const by: Record<string, Tally> = {};
  const noRules: Tally = { right: 0, all: 0 };
  for (const site of readdirSync(dir)) {
    let pages: Record<string, string>;
    try {
      pages = JSON.parse(readFileSync(`${dir}/${site}/fixtures/pages.json`, 'utf8'));
    } catch {
      continue;
    }
    for (const [file, url] of Object.entries(pages)) {
      const want = JSON.parse(readFileSync(`${dir}/${site}/fixtures/${file.replace(/\.html$/, '.expected.json')}`, 'utf8')) as ExtractResult;
      if (!want.orders.length) continue;
      const html = readFileSync(`${dir}/${site}/fixtures/${file}`, 'utf8');
      const doc = () => parseHTML(html).document as unknown as Document;
      const strategy = want.strategy ?? 'none';
      by[strategy] ??= { right: 0, all: 0 };
      compare(want.orders, read(doc(), url).orders, by[strategy]);
      if (strategy === 'site-rules') compare(want.orders, read(doc(), url, { version: 'none', sites: [] }).orders, noRules);
    }
  }
  return { by, noRules };
}

export async function run(): Promise<Figures> {
  const { by, noRules } = fieldsReadRight();
  const figures: Figures = {};
  const pct = (t: Tally) => (t.all ? round((100 * t.right) / t.all, 1) : 100);
  for (const [strategy, t] of Object.entries(by)) {
    process.stderr.write(`  ${strategy}: ${t.right}/${t.all} fields read right\n`);
    figures[`extraction.fields-right.${strategy}`] = { value: pct(t), unit: `% of ${t.all}`, target: 100, better: 'higher' };
  }
  process.stderr.write(`  site-rules pages without rules: ${noRules.right}/${noRules.all}\n`);
  figures['extraction.fields-right.site-rules-pages-without-rules'] = { value: pct(noRules), unit: `% of ${noRules.all}`, target: 50, better: 'higher' };
  return figures;
}
