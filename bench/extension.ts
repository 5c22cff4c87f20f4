// The content script's main-thread cost in real Chromium with the real extension: reading the page
// (performance measure "nongsan-so:read") plus handing it to its behaviours ("nongsan-so:features"),
// on pages that are no order and on order pages. Script parsing is not included.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { launchWithExtension } from '../tests/e2e/fixtures';
import { fixture, startMarketplaceServer } from '../tests/e2e/marketplace-server';
import { median, round, type Figures } from './figures';

const RUNS = 15;
const nonOrder: [string, string][] = [
  ['langson.voso.vn', '/'],
  ['langson.voso.vn', '/giay-sneaker-nam-den-giay-sneaker-nam-giay-sneaker-nam-the-thao-p101533.html'],
  ['langson.postmart.vn', '/p/mang-kho-bac-son-tui-500g-18342.html'],
];
const order: [string, string][] = [
  ['langson.voso.vn', '/dat-hang'],
  ['langson.voso.vn', '/lich-su-mua-hang.html'],
  ['langson.postmart.vn', '/account/orders'],
];

export async function run(): Promise<Figures> {
  spawnSync('node', ['scripts/build.mjs', '--if-stale'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const site = await startMarketplaceServer({
    'langson.voso.vn': {
      '/': fixture('voso/fixtures/home.html'),
      [nonOrder[1][1]]: fixture('voso/fixtures/product-detail-1.html'),
      '/dat-hang': fixture('voso/fixtures/order-confirmation.html'),
      '/lich-su-mua-hang.html': fixture('voso/fixtures/order-history.html'),
    },
    'langson.postmart.vn': {
      [nonOrder[2][1]]: fixture('postmart/fixtures/product-mang-kho.html'),
      '/account/orders': fixture('postmart/fixtures/account-orders.html'),
    },
  });
  const { context } = await launchWithExtension(site.port);
  const page = await context.newPage();
  const cost = async (pages: [string, string][]) => {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++)
      for (const [host, path] of pages) {
        // Not load: saved pages link assets that never arrive here; the content script runs at idle anyway.
        await page.goto(`http://${host}${path}`, { waitUntil: 'domcontentloaded' });
        const ms = await page.waitForFunction(() => {
          const read = performance.getEntriesByName('nongsan-so:read')[0];
          const features = performance.getEntriesByName('nongsan-so:features')[0];
          return read && features ? { ms: read.duration + features.duration } : null; // 0 ms is a real answer
        });
        samples.push(((await ms.jsonValue()) as { ms: number }).ms);
      }
    return round(median(samples), 3);
  };
  try {
    return {
      'extension.main-thread-non-order-page': { value: await cost(nonOrder), unit: 'ms', target: 1, better: 'lower' },
      'extension.main-thread-order-page': { value: await cost(order), unit: 'ms', target: 10, better: 'lower' },
      'extension.content-script-min': { value: round(statSync('.output/chrome-mv3/content-scripts/marketplace.js').size / 1024, 1), unit: 'KB min', target: 20, better: 'lower' },
    };
  } finally {
    await context.close();
    await site.close();
  }
}
