// npm run --silent extract -- --url <page url> <file.html>
//   Prints what the adapters read from a saved page, as one JSON object (the extraction contract).
// npm run --silent extract -- --update <fixtures folder>
//   Rewrites every <name>.expected.json listed in <folder>/pages.json, and the site's selector-counts.json
//   when the folder belongs to a site with rules. Review the diff before committing: an expected file is a
//   claim about the page, checked by a person, not a snapshot.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractPage } from '../lib/marketplaces/extract';
import { marketplaceOf } from '../lib/marketplaces/hosts';
import { bundledRules } from '../lib/marketplaces/bundled-rules';
import { detectPage } from '../lib/marketplaces/detect';
import { countSelectors, ruleSelectors } from '../lib/marketplaces/selectors';

const USAGE = [
  'Cách dùng / usage:',
  '  npm run --silent extract -- --url <địa chỉ trang> <tệp.html>',
  '  npm run --silent extract -- --update <thư mục fixtures>',
].join('\n');
const MAX_BYTES = 20 * 1024 * 1024;

function fail(message: string): never {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
}

function readPage(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) fail(`"${file}" không phải là tệp.`);
    size = stat.size;
  } catch {
    fail(`Không tìm thấy tệp "${file}".`);
  }
  if (size > MAX_BYTES) fail(`Tệp "${file}" quá lớn (${Math.round(size / 1048576)} MB, tối đa 20 MB).`);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    fail(`Không đọc được tệp "${file}": ${(e as Error).message}`);
  }
}

function read(html: string, url: string) {
  const { document } = parseHTML(html);
  return extractPage(document as unknown as Document, url);
}

function update(folder: string) {
  let pages: Record<string, string>;
  try {
    pages = JSON.parse(readFileSync(join(folder, 'pages.json'), 'utf8'));
  } catch (e) {
    fail(`Không đọc được ${join(folder, 'pages.json')}: ${(e as Error).message}`);
  }
  const site = bundledRules.sites.find((s) => s.marketplace === basename(join(folder, '..')));
  const selectors = site ? ruleSelectors(site) : {};
  const counts: Record<string, Record<string, number>> = Object.fromEntries(Object.keys(selectors).map((k) => [k, {}]));
  for (const [file, url] of Object.entries(pages)) {
    const html = readPage(join(folder, file));
    const result = read(html, url);
    writeFileSync(join(folder, file.replace(/\.html$/, '.expected.json')), JSON.stringify(result, null, 2) + '\n');
    const toCheck = result.orders.filter((o) => o.check).length;
    console.error(`${file}: ${result.pageType}, ${result.orders.length} đơn, ${result.strategy ?? 'không đọc được'}${toCheck ? `, ${toCheck} đơn cần kiểm tra (sản phẩm không khớp tổng)` : ''}`);
    const { document } = parseHTML(html);
    const page = site && detectPage(document as unknown as Document, url, bundledRules).page;
    if (!page) continue;
    const found = countSelectors(document as unknown as Document, selectors);
    for (const name of Object.keys(selectors)) if (name.startsWith(`${page.type}.`)) counts[name][file] = found[name];
  }
  const countsFile = join(folder, '..', 'selector-counts.json');
  if (site && existsSync(join(folder, '..', 'rules.json'))) writeFileSync(countsFile, JSON.stringify(counts, null, 2) + '\n');
  console.error('Hãy kiểm tra từng giá trị trong git diff trước khi commit.');
}

function main() {
  const args = process.argv.slice(2);
  if (!args.length || args.includes('--help') || args.includes('-h')) fail('Thiếu tham số.');
  const at = (flag: string) => (args.indexOf(flag) >= 0 ? args[args.indexOf(flag) + 1] : undefined);
  const folder = at('--update');
  if (args.includes('--update')) return folder ? update(folder) : fail('Thiếu thư mục sau --update.');
  const url = at('--url');
  const urlAt = args.indexOf('--url');
  const files = args.filter((a, i) => urlAt < 0 || (i !== urlAt && i !== urlAt + 1));
  if (!url) fail('Thiếu --url <địa chỉ trang>.');
  if (!URL.canParse(url)) fail(`Địa chỉ trang không hợp lệ: "${url}" (cần dạng https://langson.voso.vn/...).`);
  if (files.length !== 1 || files[0].startsWith('--')) fail('Cần đúng một tệp HTML.');
  const html = readPage(files[0]);
  if (!marketplaceOf(url)) console.error('Lưu ý: địa chỉ này không thuộc langson.voso.vn hay langson.postmart.vn, nên trang không được đọc.');
  console.log(JSON.stringify(read(html, url), null, 2));
}

try {
  main();
} catch (e) {
  fail(`Lỗi không mong đợi khi đọc trang: ${(e as Error).message}`);
}
