// npm run --silent extract -- --url <page url> <file.html>
// Prints what the adapters read from a saved page, as one JSON object (the extraction contract).
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractPage } from '../lib/marketplaces/extract';

function usage(message: string): never {
  console.error(message);
  console.error('Cách dùng / usage: npm run --silent extract -- --url <địa chỉ trang> <tệp.html>');
  process.exit(2);
}

const args = process.argv.slice(2);
const urlAt = args.indexOf('--url');
const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
const file = args.filter((_, i) => i !== urlAt && i !== urlAt + 1)[0];
if (!url) usage('Thiếu --url.');
if (!file) usage('Thiếu tệp HTML.');

let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (e) {
  usage(`Không đọc được tệp ${file}: ${(e as Error).message}`);
}
const { document } = parseHTML(html);
console.log(JSON.stringify(extractPage(document as unknown as Document, url), null, 2));
