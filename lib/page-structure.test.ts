import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { maskPersonal, pageStructure, safeText } from './page-structure';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

const confirmation = `<!doctype html><html><head><title>Đặt hàng thành công</title>
<script>var customer = {"name":"Hoàng Thị Mai","phone":"0912345678"};</script></head><body>
<header><span class="greeting">Xin chào, Hoàng Thị Mai</span></header>
<div class="order-success" data-user="0912345678">
  <h1>Đặt hàng thành công</h1>
  <p class="order-code">Mã đơn hàng: VS2611290001</p>
  <div class="buyer"><label>Người nhận</label><span class="buyer-name">Hoàng Thị Mai</span>
    <span class="buyer-phone">0912 345 678</span><span class="buyer-email">mai.ht@langson.gov.vn</span>
    <span class="buyer-address">Số 12 đường Lê Lợi, phường Vĩnh Trại, TP Lạng Sơn</span>
    <input name="buyerName" value="Hoàng Thị Mai"></div>
  <div class="item"><a href="/na-chi-lang-p42.html?ref=0912345678">Na Chi Lăng</a>
    <span class="qty">Số lượng: 2</span><span class="price">199.000đ</span></div>
  <a href="https://langson.voso.vn/khach-hang/hoang-thi-mai-0912345678">Tài khoản</a>
</div></body></html>`;

describe('pageStructure', () => {
  const s = pageStructure(doc(confirmation), 'https://langson.voso.vn/dat-hang/thanh-cong?phone=0912345678');
  const json = JSON.stringify(s);

  it('strips names, phones, emails and addresses wherever they are', () => {
    for (const personal of ['Hoàng', 'Mai', '0912', '345 678', 'mai.ht', 'Lê Lợi', 'Vĩnh Trại', 'VS2611290001', 'phone='])
      expect(json, personal).not.toContain(personal);
  });

  it('keeps what fixing the rules needs: tags, classes, labels and number shapes', () => {
    expect(json).toContain('"class":"order-code"');
    expect(json).toContain('Mã đơn hàng');
    expect(json).toContain('Đặt hàng thành công');
    expect(json).toContain('Số lượng: 9');
    expect(json).toContain('999.999đ');
    expect(json).toContain('"href":"/na-chi-lang-p99.html"');
    expect(s.path).toBe('/dat-hang/thanh-cong');
    expect(s.truncated).toBe(false);
  });

  it('reads a real voso checkout without its buyer data', () => {
    const html = readFileSync(new URL('./marketplaces/voso/fixtures/checkout.html', import.meta.url), 'utf8');
    // The saved page is a Blade fragment; a browser would put it in a body.
    const page = doc(`<!doctype html><html><body>${html.replace(/^@.*$/gm, '')}</body></html>`);
    const out = JSON.stringify(pageStructure(page, 'https://langson.voso.vn/dat-hang').root);
    expect(out).toContain('b__cart--wapper');
    expect(out).not.toContain('REDACTED');
    // Digits survive only as the mask 9 (and in the lengths of hidden texts and heading tags).
    expect(out.replace(/\[chữ:\d+\]|"tag":"h\d"/g, '')).not.toMatch(/[0-8]/);
    expect(out).toContain('Tổng tiền hàng');
  });
});

describe('safeText and maskPersonal', () => {
  it('keeps labels, masks numbers, hides other words', () => {
    expect(safeText('  Tổng thanh toán: ')).toBe('Tổng thanh toán:');
    expect(safeText('1.250.000 ₫')).toBe('9.999.999 ₫');
    expect(safeText('Nguyễn Văn An')).toBe('[chữ:13]');
    expect(safeText('Họ tên: Nguyễn Văn An')).toBe('[chữ:21]');
  });
  it('masks phones and emails before digits', () => {
    expect(maskPersonal('gọi +84 912 345 678 hoặc a.b@x.vn')).toBe('gọi [sđt] hoặc [email]');
  });
});
