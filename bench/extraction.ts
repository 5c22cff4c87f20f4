// Extraction time per page (median over many runs, on linkedom's DOM, which is slower than a browser's) and the
// size of the reading code the content script bundles. Targets from issue 3: < 1 ms on a page that is no order,
// < 10 ms to read an order page; the whole content script < 20 KB minified.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { build } from 'esbuild';
import { extractPage } from '../lib/marketplaces/extract';
import { median, round, type Figures } from './figures';

const RUNS = 200;

function time(file: string, url: string): number {
  const { document } = parseHTML(readFileSync(`lib/marketplaces/${file}`, 'utf8'));
  const doc = document as unknown as Document;
  for (let i = 0; i < 20; i++) extractPage(doc, url); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    extractPage(doc, url);
    samples.push(performance.now() - start);
  }
  return round(median(samples), 3);
}

async function bundledKb(entry: string): Promise<number> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    target: 'es2022',
  });
  return round(out.outputFiles[0].contents.length / 1024, 1);
}

export async function run(): Promise<Figures> {
  const ms = (value: number, target: number) => ({ value, unit: 'ms median', target, better: 'lower' as const });
  return {
    'extraction.non-order-page': ms(time('voso/fixtures/home.html', 'https://langson.voso.vn/'), 1),
    'extraction.product-page': ms(time('voso/fixtures/product-na-chi-lang.html', 'https://langson.voso.vn/na-chi-lang-loai-1-hop-2kg-p245871.html'), 10),
    'extraction.cart': ms(time('voso/fixtures/cart.html', 'https://langson.voso.vn/gio-hang'), 10),
    'extraction.checkout': ms(time('voso/fixtures/checkout.html', 'https://langson.voso.vn/dat-hang'), 10),
    'extraction.order-confirmation': ms(time('voso/fixtures/order-confirmation.html', 'https://langson.voso.vn/dat-hang'), 10),
    'extraction.order-history': ms(time('voso/fixtures/order-history.html', 'https://langson.voso.vn/lich-su-mua-hang.html'), 10),
    'extraction.generic-order-page': ms(time('generic/fixtures/redesigned-order-detail.html', 'https://langson.voso.vn/tai-khoan/don-hang/VS2611150233'), 10),
    // The cheap first step alone, what the content script bundles to read pages (rules come from storage),
    // and the same with the bundled rules.
    'extraction.detect-size': { value: await bundledKb('lib/marketplaces/detect.ts'), unit: 'KB min', target: 5, better: 'lower' },
    'extraction.reader-size': { value: await bundledKb('lib/marketplaces/read-page.ts'), unit: 'KB min', target: 20, better: 'lower' },
    'extraction.reader-with-rules-size': { value: await bundledKb('lib/marketplaces/extract.ts'), unit: 'KB min', target: 25, better: 'lower' },
  };
}
