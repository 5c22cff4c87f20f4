// npm run bench: every figure the project tracks, printed as a table and written to bench/results.json.
// Each benchmark module exports `run(): Promise<Figures>`; add new ones to the list below.
import { writeFileSync } from 'node:fs';
import type { Figures } from './figures';
import { run as sizes } from './sizes';
import { run as coldStart } from './collector-cold-start';
import { run as extension } from './extension';
import { run as collector } from './collector';
import { run as extraction } from './extraction';
import { run as extractionAccuracy } from './extraction-accuracy';
import { run as kiosk } from './kiosk';
import { run as dashboardSize } from './dashboard-size';
import { run as dashboardLargeAgency } from './dashboard-large-agency';
import { run as load } from './load';
import { run as plans } from './plans';
import { run as code } from './code';
import { run as handoverUpload } from './handover-upload';
import { run as documents } from './documents';
import { run as operatorImport } from './operator-import';
import { run as channelProgress } from './channel-progress';
import { run as statements } from './statements';
import { run as lighthouse } from './lighthouse';

const benches: { name: string; run: () => Promise<Figures> }[] = [
  { name: 'sizes', run: sizes },
  { name: 'collector-cold-start', run: coldStart },
  { name: 'extension', run: extension },
  { name: 'collector', run: collector },
  { name: 'extraction', run: extraction },
  { name: 'extraction-accuracy', run: extractionAccuracy },
  { name: 'kiosk', run: kiosk },
  { name: 'dashboard-size', run: dashboardSize },
  { name: 'dashboard-large-agency', run: dashboardLargeAgency },
  { name: 'load', run: load },
  { name: 'plans', run: plans },
  { name: 'code', run: code },
  { name: 'handover-upload', run: handoverUpload },
  { name: 'documents', run: documents },
  { name: 'operator-import', run: operatorImport },
  { name: 'channel-progress', run: channelProgress },
  { name: 'statements', run: statements },
  { name: 'lighthouse', run: lighthouse },
];

const only = process.argv.slice(2);
const results: Figures = {};
for (const b of benches) {
  if (only.length && !only.includes(b.name)) continue;
  process.stderr.write(`… ${b.name}\n`);
  Object.assign(results, await b.run());
}

const rows = Object.entries(results).map(([name, f]) => {
  if (f.target === undefined) return [name, String(f.value), f.unit, '', ''];
  const ok = f.better === 'lower' ? f.value <= f.target : f.value >= f.target;
  return [name, String(f.value), f.unit, `${f.better === 'lower' ? '≤' : '≥'} ${f.target}`, ok ? 'ok' : 'MISS'];
});
const head = ['figure', 'value', 'unit', 'target', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
rows.forEach((r) => console.log(line(r)));
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
