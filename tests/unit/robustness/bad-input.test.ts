/**
 * Issue 6, bad input through the HTTP API (a real listening server): every refusal is a 4xx with a numbered
 * code and a Vietnamese message, and nothing is stored; hostile text is stored as text and exported
 * neutralised; composed and decomposed Vietnamese are the same. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { forEachDatabase } from '../../../server/test-databases';
import { createAgencyFocalPoint, enrolStaff, sampleOrder, type SeededStaff } from '../../../server/testing/seed';
import { problems } from '../../../lib/api/problems';
import { call, csvCells, listen, postOnce } from './listen';
import { enrolKiosk, household } from './people';

const vietnamese = /[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

forEachDatabase((deps) => {
  let server: Awaited<ReturnType<typeof listen>>;
  let staff: SeededStaff;
  let kioskToken: string;
  beforeAll(async () => {
    server = await listen(deps().app);
    staff = await enrolStaff(deps(), 'SNV');
    kioskToken = (await enrolKiosk(deps())).token;
  });
  afterAll(() => server.close());

  const rows = async () => {
    const n = async (t: 'staff_orders' | 'staff_order_items' | 'households' | 'staff') => Number((await deps().db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { orders: await n('staff_orders'), items: await n('staff_order_items'), households: await n('households'), staff: await n('staff') };
  };
  const raw = (path: string, token: string | null, body: string) => postOnce(server.base + path, token, body);

  /** A whole-request refusal: the status, a known numbered code that belongs to it, a Vietnamese message. */
  function expectRefusal(res: { status: number; body: any }, status: number, code?: string) {
    expect(res.status).toBe(status);
    expect(res.body.error.code).toMatch(/^\d{3}\.\d+$/);
    if (code) expect(res.body.error.code).toBe(code);
    expect(problems[res.body.error.code as keyof typeof problems].status).toBe(status);
    expect(res.body.error.message).toMatch(vietnamese);
  }

  describe('whole requests refused, nothing stored', () => {
    const cases: [string, string, string, number, string][] = [
      ['malformed JSON', '/api/staff/orders', '{"orders": [ {', 400, '400.1'],
      ['not JSON at all', '/api/kiosk/households', 'households=1', 400, '400.1'],
      ['an array where the object belongs', '/api/staff/orders', JSON.stringify([sampleOrder()]), 400, '400.2'],
      ['orders of the wrong type', '/api/staff/orders', JSON.stringify({ orders: 'tất cả' }), 400, '400.2'],
      ['orders missing', '/api/staff/orders', JSON.stringify({}), 400, '400.2'],
      ['an empty batch', '/api/staff/orders', JSON.stringify({ orders: [] }), 400, '400.2'],
      ['101 orders', '/api/staff/orders', JSON.stringify({ orders: Array.from({ length: 101 }, () => sampleOrder()) }), 400, '400.12'],
      ['households of the wrong type', '/api/kiosk/households', JSON.stringify({ households: { a: 1 } }), 400, '400.2'],
      ['101 households', '/api/kiosk/households', JSON.stringify({ households: Array.from({ length: 101 }, () => household()) }), 400, '400.55'],
      ['a 3 MB body', '/api/staff/orders', JSON.stringify({ orders: [sampleOrder({ pad: 'x'.repeat(3 * 1024 * 1024) })] }), 413, '413.1'],
      ['a 3 MB household batch', '/api/kiosk/households', JSON.stringify({ households: [household({ notes: 'ă'.repeat(1024 * 1024 + 1) })] }), 413, '413.1'],
      ['nesting 100,000 deep', '/api/staff/orders', `{"orders":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 400, ''],
    ];
    for (const [name, path, body, status, code] of cases) {
      it(name, async () => {
        const before = await rows();
        const token = path.startsWith('/api/kiosk') ? kioskToken : staff.token;
        const res = await raw(path, token, body);
        if (status === 400 && !code && res.status === 200) {
          // Deep nesting parsed: then every order is refused on its own.
          expect(res.body.results.every((r: any) => r.status === 'rejected' && r.problem.code === '400.10')).toBe(true);
        } else expectRefusal(res, status, code || undefined);
        expect(await rows()).toEqual(before);
      });
    }

    it('enrolment with wrong types and missing fields', async () => {
      const before = await rows();
      for (const body of [{}, { code: 12345678 }, { code: 'ABCD-EFGH', fullName: ['Nguyễn'], installationId: 'inst-0001' }, { code: 'ABCD-EFGH', fullName: 'Nguyễn An' }]) {
        expectRefusal(await raw('/api/staff/enrol', null, JSON.stringify(body)), 400, '400.2');
      }
      expect(await rows()).toEqual(before);
    });
  });

  describe('orders refused one by one (400.10, 400.11) with a field and a Vietnamese sentence, nothing stored', () => {
    const item = sampleOrder().items[0];
    const bad: [string, Record<string, unknown>, string, string][] = [
      ['negative amount', { total: -290_000 }, '400.10', 'total'],
      ['absurd amount', { items: [{ ...item, lineTotal: 1e15 }] }, '400.10', 'items[0].lineTotal'],
      ['fractional đồng', { items: [{ ...item, unitPrice: 120_000.5 }] }, '400.10', 'items[0].unitPrice'],
      ['amount as text', { items: [{ ...item, unitPrice: '120.000 ₫' }] }, '400.10', 'items[0].unitPrice'],
      ['quantity 0', { items: [{ ...item, quantity: 0 }] }, '400.10', 'items[0].quantity'],
      ['negative quantity', { items: [{ ...item, quantity: -2 }] }, '400.10', 'items[0].quantity'],
      ['unknown marketplace', { marketplace: 'shopee' }, '400.10', 'marketplace'],
      ['no items', { items: [] }, '400.10', 'items'],
      ['an array where an item belongs', { items: [[item]] }, '400.10', 'items[0]'],
      ['missing name', { items: [{ ...item, name: undefined }] }, '400.10', 'items[0].name'],
      ['a date that does not exist', { placedAt: '2021-02-30' }, '400.10', 'placedAt'],
      ['a date before the campaign', { placedAt: '2019-06-01' }, '400.11', 'placedAt'],
      ['a date years after today', { placedAt: '2099-01-01T00:00:00Z' }, '400.15', 'placedAt'],
      ['a date years before the campaign', { placedAt: '2019-01-01T00:00:00Z' }, '400.11', 'placedAt'],
      ['a line total that is not quantity × unit price', { items: [{ ...item, lineTotal: 100_000_000_000 }] }, '400.10', 'items[0].lineTotal'],
      ['a javascript: product link', { items: [{ ...item, productUrl: 'javascript:alert(1)' }] }, '400.10', 'items[0].productUrl'],
    ];
    for (const [name, over, code, field] of bad) {
      it(name, async () => {
        const before = await rows();
        const good = sampleOrder();
        const res = await call(server.base, 'POST', '/api/staff/orders', staff.token, { orders: [sampleOrder(over), good] });
        expect(res.status).toBe(200);
        const [refused, accepted] = res.body.results;
        expect(refused.status).toBe('rejected');
        expect(refused.problem.code).toBe(code);
        expect(refused.problem.field).toBe(field);
        expect(refused.problem.message).toMatch(vietnamese);
        expect(accepted.status).toBe('accepted');
        // Only the good order went in.
        const after = await rows();
        expect(after.orders).toBe(before.orders + 1);
        expect(after.items).toBe(before.items + good.items.length);
      });
    }
  });

  describe('Vietnamese typed composed (NFC) or decomposed (NFD) is one text', () => {
    it('an order resent in NFD is the same order, stored in NFC', async () => {
      const order = sampleOrder({ items: [{ ...sampleOrder().items[0], name: 'Hồi khô Lạng Sơn', shop: 'HTX Hồi Văn Quan' }], total: 260_000 });
      const nfd = JSON.parse(JSON.stringify(order).normalize('NFD'));
      const first = await call(server.base, 'POST', '/api/staff/orders', staff.token, { orders: [nfd] });
      const again = await call(server.base, 'POST', '/api/staff/orders', staff.token, { orders: [order] });
      expect(first.body.results[0].status).toBe('accepted');
      expect(again.body.results[0]).toEqual(first.body.results[0]);
      const stored = await deps().db.selectFrom('staff_order_items').selectAll().where('order_id', '=', first.body.results[0].serverId).executeTakeFirstOrThrow();
      expect(stored.name).toBe('Hồi khô Lạng Sơn'.normalize('NFC'));
      expect(stored.shop).toBe('HTX Hồi Văn Quan'.normalize('NFC'));
    });

    it('a household resent in NFD is the same household, stored in NFC', async () => {
      const h = household({ headName: 'Hoàng Thị Thủy', village: 'Bản Nà Pàn' });
      const nfd = JSON.parse(JSON.stringify(h).normalize('NFD'));
      const first = await call(server.base, 'POST', '/api/kiosk/households', kioskToken, { households: [nfd] });
      const again = await call(server.base, 'POST', '/api/kiosk/households', kioskToken, { households: [h] });
      expect(first.body.results[0].status).toBe('accepted');
      expect(again.body.results[0]).toEqual(first.body.results[0]);
      const stored = await deps().db.selectFrom('households').selectAll().where('client_id', '=', h.clientId).executeTakeFirstOrThrow();
      expect(stored.head_name).toBe('Hoàng Thị Thủy'.normalize('NFC'));
      expect(stored.village).toBe('Bản Nà Pàn'.normalize('NFC'));
    });

    it('a civil servant enrolling in NFD is stored in NFC', async () => {
      const s = await enrolStaff(deps(), 'SNV', 'Nguyễn Thị Hường'.normalize('NFD'));
      const row = await deps().db.selectFrom('staff').select('full_name').where('id', '=', s.id).executeTakeFirstOrThrow();
      expect(row.full_name).toBe('Nguyễn Thị Hường'.normalize('NFC'));
    });
  });

  describe('HTML, SQL and spreadsheet formulas are stored as text and exported neutralised', () => {
    const hostile = ['=HYPERLINK("http://evil.example","Bấm vào")', "Lan'); DROP TABLE staff;--", '<img src=x onerror=alert(1)>', '+84 SUM(A1)', '@cmd|calc'];

    it('round-trips through the API and the agency exports', async () => {
      const agency = await createAgencyFocalPoint(deps().db, 'SNV');
      for (const name of hostile) {
        const s = await enrolStaff(deps(), 'SNV', name);
        const me = await call(server.base, 'GET', '/api/staff/me', s.token);
        expect(me.body.staff.fullName).toBe(name);
        const sent = await call(server.base, 'POST', '/api/staff/orders', s.token, { orders: [sampleOrder({ items: [{ ...sampleOrder().items[0], name: `Hồi khô ${name}`, shop: name }], total: 260_000 })] });
        expect(sent.body.results[0].status).toBe('accepted');
      }
      // The staff table is still there and holds the names verbatim.
      const names = (await deps().db.selectFrom('staff').select('full_name').execute()).map((r) => r.full_name);
      for (const name of hostile) expect(names).toContain(name);

      const csv = await fetch(`${server.base}/api/agency/export.csv`, { headers: agency.auth });
      expect(csv.status).toBe(200);
      const cells = csvCells(await csv.text()).flat();
      const xlsx = await fetch(`${server.base}/api/agency/export.xlsx`, { headers: agency.auth });
      expect(xlsx.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await xlsx.arrayBuffer());
      const xcells: string[] = [];
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
        expect(cell.formula ?? null).toBeNull();
        xcells.push(String(cell.value));
      })));
      for (const name of hostile.filter((n) => /^[=+\-@]/.test(n))) {
        expect(cells.some((c) => c === `'${name}`), `CSV ${name}`).toBe(true);
        expect(cells.some((c) => c === name), `CSV ${name} raw`).toBe(false);
        expect(xcells).toContain(`'${name}`);
        expect(xcells).not.toContain(name);
      }
    });
  });

  describe('property: any JSON as the staff order payload', () => {
    it('answers 2xx or 4xx, never 5xx; rows change only for accepted orders', { timeout: 120_000 }, async () => {
      const order = fc.record(
        {
          clientId: fc.oneof(fc.uuid(), fc.string(), fc.constant(null)),
          marketplace: fc.oneof(fc.constantFrom('voso', 'postmart', 'shopee'), fc.string()),
          orderCode: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
          placedAt: fc.oneof(fc.constantFrom('2021-08-20', '2021-08-20T03:15:00Z', '2030-01-01', '2021-13-01'), fc.string(), fc.constant(null)),
          source: fc.constantFrom('detected', 'manual', 'x'),
          status: fc.constantFrom('placed', 'cancelled', 'y'),
          items: fc.oneof(
            fc.array(
              fc.record({ name: fc.oneof(fc.string(), fc.constant('Na Chi Lăng')), quantity: fc.oneof(fc.integer({ min: -5, max: 20_000 }), fc.double()), unitPrice: fc.oneof(fc.integer({ min: -1, max: 2e9 }), fc.string()), lineTotal: fc.integer({ min: 0, max: 1e6 }), shop: fc.oneof(fc.string(), fc.constant(null)), productUrl: fc.oneof(fc.webUrl(), fc.string(), fc.constant(null)), weightGrams: fc.oneof(fc.integer({ min: -1, max: 2e6 }), fc.constant(null)), isFarmProduct: fc.oneof(fc.boolean(), fc.string()), excluded: fc.boolean() }, { requiredKeys: [] }),
              { maxLength: 3 },
            ),
            fc.jsonValue(),
          ),
          shippingFee: fc.oneof(fc.integer({ min: -10, max: 1e6 }), fc.constant(null)),
          discount: fc.oneof(fc.nat(), fc.constant(null)),
          total: fc.oneof(fc.nat(), fc.double(), fc.constant(null)),
        },
        { requiredKeys: [] },
      );
      const payload = fc.oneof({ weight: 4, arbitrary: fc.record({ orders: fc.array(fc.oneof({ weight: 3, arbitrary: order }, { weight: 1, arbitrary: fc.jsonValue() }), { maxLength: 4 }) }) }, { weight: 1, arbitrary: fc.jsonValue() });
      await fc.assert(
        fc.asyncProperty(payload, async (body) => {
          const before = await rows();
          const res = await call(server.base, 'POST', '/api/staff/orders', staff.token, body);
          expect(res.status).toBeLessThan(500);
          const after = await rows();
          if (res.status >= 400) {
            expect(res.body.error.message).toMatch(vietnamese);
            expect(after).toEqual(before);
            return;
          }
          expect(res.status).toBe(200);
          const results = res.body.results as { status: string; clientId: string; problem?: { message: string } }[];
          for (const r of results) if (r.status === 'rejected') expect(r.problem?.message).toMatch(vietnamese);
          const newIds = new Set(results.filter((r) => r.status === 'accepted' || r.status === 'flagged').map((r) => r.clientId));
          expect(after.orders - before.orders).toBeLessThanOrEqual(newIds.size);
          if (newIds.size === 0) expect(after).toEqual(before);
        }),
        { numRuns: 100, seed: 20210820 },
      );
    });
  });
});
