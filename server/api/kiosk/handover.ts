import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import { allow, type AuthEnv } from '../../auth/require-role';
import { communesInScope, inScope } from '../../kiosk/scope';
import { readResults, toCsv, toXlsx, type HandoverRow } from '../../kiosk/handover-file';
import { problemBody, type ProblemCode } from '../../../lib/api/problems';
import { formatDate } from '../../../lib/format';
import { vietnamToday } from '../../../lib/periods';
import { isMarketplace, marketplaceHostOf } from '../../../lib/marketplaces/hosts';
import type { Db } from '../../db';
import type { Selectable } from 'kysely';
import type { HouseholdTable } from '../../db/schema-kiosk';
import { readRecordCode } from '../../../lib/kiosk/record-code';
import { traceabilityAsNoted, vietgapAsNoted, type CertificateDetails } from '../../../lib/kiosk/certificate-details';
import { kioskRef, progressTransaction, trackProgress } from '../../channels/progress-store';

type HouseholdRow = Selectable<HouseholdTable>;
/**
 * Rows looked up and written together. On SQLite (better-sqlite3, synchronous) a batch's lookup and transaction is
 * one stretch without I/O: at 200 rows the longest took about 50 ms of CPU on the build machine, at 50 under 20 ms
 * (`npm run bench -- handover-upload`).
 */
const handoverBatch = 50;

/**
 * Hand-over to the post office / Viettel Post staff who open the shops (officer: own communes; province: all).
 * GET  /api/kiosk/handover.xlsx | /api/kiosk/handover.csv [?commune=06181] → pending households (products not listed yet),
 *      their number in `X-Household-Count` (the tablet confirms "… hộ" after the download),
 *      with phone and ID numbers in clear: for people signed in (officer, province) only, never a tablet's token — a
 *      stolen tablet must not be able to download them (403.1).
 * POST /api/kiosk/handover  body = the filled-in XLSX or CSV → {updated, unchanged, problems:[{row, recordCode, code, message}]}
 *      Rows are found by "Mã hồ sơ": the record code ("KX7A-QVYD", typed in any case or spacing; a misread character
 *      is refused by its check character) or, in sheets made before record codes, the long id.
 *      (also an enrolled tablet, for its communes: it sends results, it receives no personal numbers)
 */
export function kioskHandoverRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/handover.xlsx', allow('officer', 'province'), async (c) => {
    const rows = await pendingRows(db, await communesInScope(db, c.get('principal')), c.req.query('commune'));
    return c.body(await toXlsx(rows), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="ban-giao-ho-${vietnamToday()}.xlsx"`,
      'X-Household-Count': String(rows.length),
    });
  });

  r.get('/handover.csv', allow('officer', 'province'), async (c) => {
    const rows = await pendingRows(db, await communesInScope(db, c.get('principal')), c.req.query('commune'));
    return c.body(toCsv(rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="ban-giao-ho-${vietnamToday()}.csv"`,
      'X-Household-Count': String(rows.length),
    });
  });

  // Size: the API's 2 MB body limit (app.ts, 413.1) is checked from Content-Length or as the body arrives, before
  // anything here runs; rows: readResults stops at 5.000 (413.51).
  r.post('/handover', async (c) => {
    const scope = await communesInScope(db, c.get('principal'));
    const read = await readResults(new Uint8Array(await c.req.arrayBuffer()));
    if ('problem' in read) throw new Problem(read.problem);
    let updated = 0;
    let unchanged = 0;
    const problems: { row: number; recordCode: string; code: ProblemCode; message: string }[] = [];
    const refuse = (row: number, recordCode: string, code: ProblemCode, message?: string) => problems.push({ row, recordCode, code, message: message ?? problemBody(code).error.message });
    const now = new Date().toISOString();
    // Batches: one lookup and one transaction per batch instead of two statements per row, and the event loop is
    // free between batches (health, tablets' syncs).
    for (let start = 0; start < read.rows.length; start += handoverBatch) {
      const batch = read.rows.slice(start, start + handoverBatch);
      const codes = [...new Set(batch.map((r) => readRecordCode(r.recordCode)).filter((c): c is string => !!c))];
      const ids = [...new Set(batch.map((r) => r.recordCode).filter(isLongId))];
      const found = [
        ...(codes.length ? await db.selectFrom('households').selectAll().where('code', 'in', codes).execute() : []),
        ...(ids.length ? await db.selectFrom('households').selectAll().where('id', 'in', ids).execute() : []),
      ];
      const byId = new Map(found.map((h) => [h.id, h]));
      const idOf = new Map(found.flatMap((h) => [[h.code, h.id], [h.id, h.id]]));
      const changes: { id: string; set: Pick<HouseholdRow, 'shop_url' | 'shop_opened_at' | 'payment_opened_at' | 'products_listed_at'> }[] = [];
      for (const res of batch) {
        const id = idOf.get(readRecordCode(res.recordCode) ?? res.recordCode);
        const h = id === undefined ? undefined : byId.get(id);
        if (!h) {
          refuse(res.row, res.recordCode, '404.1', isLongId(res.recordCode) || readRecordCode(res.recordCode) ? 'Không có hồ sơ với mã này.' : 'Mã hồ sơ không đúng (có 8 ký tự như KX7A-QVYD; xem lại từng ký tự).');
          continue;
        }
        if (!inScope(scope, h.commune_code)) {
          refuse(res.row, res.recordCode, '403.50');
          continue;
        }
        if (res.shopUrl && !isShopUrl(res.shopUrl, h.marketplace)) {
          refuse(res.row, res.recordCode, '400.2', `Đường dẫn cửa hàng phải là trang trên ${(isMarketplace(h.marketplace) ? marketplaceHostOf[h.marketplace] : 'sàn đã chọn')}.`);
          continue;
        }
        const set = {
          shop_url: res.shopUrl ?? h.shop_url,
          shop_opened_at: h.shop_opened_at ?? (res.shopUrl ? now : null),
          payment_opened_at: h.payment_opened_at ?? (res.paymentOpened ? now : null),
          products_listed_at: h.products_listed_at ?? (res.productsListed ? now : null),
        };
        if (set.shop_url === h.shop_url && set.shop_opened_at === h.shop_opened_at && set.payment_opened_at === h.payment_opened_at && set.products_listed_at === h.products_listed_at) {
          unchanged++;
          continue;
        }
        // A later row of the file for the same household sees this one's facts.
        byId.set(h.id, { ...h, ...set });
        changes.push({ id: h.id, set });
      }
      if (changes.length) {
        await progressTransaction(db, async (tx) => {
          const progress = await trackProgress(tx, { refs: changes.map((x) => kioskRef(x.id)), keys: [] });
          for (const { id, set } of changes) await tx.updateTable('households').set({ ...set, updated_at: now }).where('id', '=', id).execute();
          await progress.after();
        });
      }
      updated += new Set(changes.map((x) => x.id)).size;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return c.json({ updated, unchanged, problems });
  });

  return r;
}

/** The collector's long id ("7f5343c2-a910-…"), what sheets made before record codes carry. */
const isLongId = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

function isShopUrl(url: string, marketplace: string): boolean {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) && isMarketplace(marketplace) && u.hostname === marketplaceHostOf[marketplace];
  } catch {
    return false;
  }
}

const paymentNames: Record<string, string> = { postpay: 'Ví PostPay', viettelmoney: 'Viettel Money', bank: 'Tài khoản ngân hàng' };

async function pendingRows(db: Db, scope: string[] | 'all', commune: string | undefined): Promise<HandoverRow[]> {
  if (scope !== 'all' && !scope.length) return [];
  if (commune && !inScope(scope, commune)) throw new Problem('403.50', { field: 'commune' });
  let q = db
    .selectFrom('households')
    .innerJoin('communes', 'communes.code', 'households.commune_code')
    .selectAll('households')
    .select('communes.name as commune_name')
    .where('products_listed_at', 'is', null);
  if (commune) q = q.where('commune_code', '=', commune);
  else if (scope !== 'all') q = q.where('commune_code', 'in', scope);
  const rows = await q.orderBy('commune_code').orderBy('received_at').execute();
  const photos = await db.selectFrom('household_photos').select(['household_client_id']).select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'product').groupBy('household_client_id').execute();
  const photoCount = new Map(photos.map((p) => [p.household_client_id, Number(p.n)]));
  return rows.map((h) => {
    const d = JSON.parse(h.details) as { products: { name: string }[]; vietgap: string | null; ocopStars: number | null; traceability: string | null } & CertificateDetails;
    const vietgap = vietgapAsNoted(d);
    const facts = [vietgap && `VietGAP ${vietgap}`, d.ocopStars && `OCOP ${d.ocopStars} sao`, traceabilityAsNoted(d)].filter(Boolean).join('; ');
    return {
      'Mã hồ sơ': h.code,
      Xã: h.commune_name,
      'Thôn/bản': h.village,
      'Họ tên chủ hộ': h.head_name,
      'Số điện thoại': h.phone,
      'Số CCCD/CMND': h.id_kind === 'cmnd' ? `${h.id_number} (CMND cũ)` : h.id_number,
      Sàn: isMarketplace(h.marketplace) ? marketplaceHostOf[h.marketplace] : h.marketplace,
      'Tên cửa hàng': h.shop_name,
      'Tài khoản thanh toán': `${paymentNames[h.payment] ?? h.payment}${h.has_payment_account ? ' (đã có)' : ''}`,
      'Sản phẩm': d.products.map((p) => p.name).join('; '),
      'VietGAP / OCOP / truy xuất': facts,
      'Số ảnh': photoCount.get(h.client_id) ?? 0,
      'Ngày đăng ký': formatDate(h.registered_at),
      'Đường dẫn cửa hàng': h.shop_url ?? '',
      'Đã mở tài khoản thanh toán': h.payment_opened_at ? 'Có' : '',
      'Đã đăng sản phẩm': '',
    };
  });
}
