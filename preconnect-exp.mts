import { chromium } from '@playwright/test';
import { startScenarioCollector } from './tests/e2e/scenario-collector';
const collector = await startScenarioCollector('sqlite');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await (await browser.newContext()).newPage();
await page.goto(`${collector.url}/api/health`);
// Requests the page gives up on before their connection is made (a reload, a page closed, an aborted fetch).
await page.evaluate(() => {
  for (let i = 0; i < 4; i++) {
    const c = new AbortController();
    fetch(`/api/health?n=${i}`, { signal: c.signal }).catch(() => {});
    c.abort();
  }
});
await new Promise((r) => setTimeout(r, 1500));
const t = Date.now();
await collector.close().then(() => console.log('closed OK in', Date.now() - t, 'ms'), (e) => console.log('closed with error in', Date.now() - t, 'ms:', e.message));
await browser.close();
