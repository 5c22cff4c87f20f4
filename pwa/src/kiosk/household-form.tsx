import { lazy, Suspense } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Device } from './device';
import type { Session } from '.';
import { db, type PhotoRecord } from './db';
import { duplicatesOf, saveHousehold, submittedPart } from './household-records';
import { requestBackgroundSync } from './sending/schedule';
import { checkHousehold, marketplaceHostOf, type FieldProblem, type SubmittedHousehold } from '../../../lib/kiosk/household';
import { checkVietgap } from '../../../lib/vietgap';
import { checkCitizenId } from '../../../lib/vn-citizen-id';
import products from '../../../lib/region/lang-son/lang-son-products.json' with { type: 'json' };

const SignaturePad = lazy(() => import('./signature-pad'));

const isStorageFull = (e: unknown) => /QuotaExceeded/.test(`${(e as Error)?.name} ${(e as { inner?: Error })?.inner?.name}`);

function saveProblem(e: unknown): string {
  return isStorageFull(e)
    ? 'Bộ nhớ máy đã đầy: thay đổi vừa nhập CHƯA được lưu. Đừng đóng trang. Kết nối mạng và bấm "Đồng bộ ngay" để gửi các hộ đã xong, hoặc xoá bớt ảnh, rồi nhập lại.'
    : 'Chưa lưu được thay đổi vừa nhập (lỗi bộ nhớ của trình duyệt). Đừng đóng trang; xin nhập lại.';
}

type Problem = Pick<FieldProblem, 'message' | 'warning'> & { field: string };

/**
 * One household's signup. Every change is stored at once (personal fields sealed), so a closed tab, a flat
 * battery or a lock loses nothing; "Lưu và đưa vào hàng đợi" checks everything and queues it for sending.
 */
export function HouseholdForm({ device, session, initial, onQueued }: { device: Device; session: Session; initial: SubmittedHousehold & { signatureId?: string | null; problem?: { message: string; field?: string } | null }; onQueued: (clientId: string) => void }) {
  const [h, setH] = useState<SubmittedHousehold>(() => submittedPart(initial));
  const [signatureId, setSignatureId] = useState<string | null>(initial.signatureId ?? null);
  const [photos, setPhotos] = useState<PhotoRecord[]>([]);
  const [savedAt, setSavedAt] = useState<string>('');
  const [saveError, setSaveError] = useState('');
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [villages, setVillages] = useState<string[]>([]);
  const [busy, setBusy] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const { officer, key } = session;

  useEffect(() => {
    void db.photos.where('householdId').equals(h.clientId).sortBy('createdAt').then(setPhotos);
    void villagesOf(h.communeCode).then(setVillages);
  }, [h.communeCode]);

  // A failed save (a full tablet) is said at once, never hidden behind the last "Đã lưu nháp" time.
  const store = (next: SubmittedHousehold, patch: { signatureId?: string | null } = {}) =>
    saveHousehold(key, officer.id, next, { state: 'draft', ...patch }).then(
      () => {
        setSavedAt(new Date().toLocaleTimeString('vi-VN'));
        setSaveError('');
      },
      (e: unknown) => {
        setSaveError(saveProblem(e));
        throw e;
      },
    );

  function update(patch: Partial<SubmittedHousehold>) {
    const next = { ...h, ...patch };
    setH(next);
    store(next).catch(() => undefined);
    if (problems) void recheck(next, signatureId).then(setProblems);
  }

  async function addPhotos(files: FileList | null) {
    if (!files?.length) return;
    setBusy('Đang thu nhỏ ảnh…');
    try {
      const { resizePhoto } = await import('./photo-resize');
      for (const f of Array.from(files)) {
        const { blob, width, height } = await resizePhoto(f);
        await db.photos.put({ id: crypto.randomUUID(), householdId: h.clientId, kind: 'product', blob, width, height, uploaded: 0, createdAt: new Date().toISOString() });
      }
      await store(h);
      setPhotos(await db.photos.where('householdId').equals(h.clientId).sortBy('createdAt'));
    } catch (e) {
      setBusy(isStorageFull(e) ? saveProblem(e) : 'Không đọc được ảnh này. Xin chụp lại.');
      return;
    }
    setBusy('');
  }

  async function removePhoto(id: string) {
    await db.photos.delete(id);
    setPhotos(photos.filter((p) => p.id !== id));
  }

  async function saveSignature(png: Blob) {
    const id = crypto.randomUUID();
    if (signatureId) await db.photos.delete(signatureId);
    await db.photos.put({ id, householdId: h.clientId, kind: 'signature', blob: png, width: 800, height: 240, uploaded: 0, createdAt: new Date().toISOString() });
    setSignatureId(id);
    await store(h, { signatureId: id });
    if (problems) setProblems(await recheck(h, id));
  }

  async function queue(e: Event) {
    e.preventDefault();
    const found = await recheck(h, signatureId);
    setProblems(found);
    if (found.some((p) => !p.warning)) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const ready = { ...h, registeredAt: new Date().toISOString() };
    await saveHousehold(key, officer.id, ready, { state: 'queued', signatureId, problem: null, attempts: 0, nextAttemptAt: 0 });
    void requestBackgroundSync();
    onQueued(h.clientId);
  }

  const err = (field: string) => problems?.filter((p) => p.field === field) ?? [];
  const described = (field: string) => (err(field).length ? `${field}-err` : undefined);
  const fieldError = (field: string) =>
    err(field).length > 0 && (
      <p id={`${field}-err`} class={err(field).every((p) => p.warning) ? 'warning' : 'error'}>
        {err(field).map((p) => p.message).join(' ')}
      </p>
    );
  const text = (field: 'village' | 'headName' | 'shopName', label: string, extra: Record<string, unknown> = {}) => (
    <div class="field">
      <label for={field}>{label}</label>
      <input id={field} value={h[field]} aria-invalid={err(field).some((p) => !p.warning)} aria-describedby={described(field)} onInput={(e) => update({ [field]: e.currentTarget.value })} {...extra} />
      {fieldError(field)}
    </div>
  );
  const idCheck = checkCitizenId(h.idNumber);
  const vietgap = checkVietgap(h.vietgap ?? '');
  const signatureUrl = useObjectUrl(signatureId);

  return (
    <form class="household-form" onSubmit={queue} noValidate aria-labelledby="form-title">
      <h2 id="form-title">{h.headName ? `Hộ ${h.headName}` : 'Đăng ký hộ mới'}</h2>
      <p class="saved" role="status" aria-live="polite">{savedAt ? `Đã lưu nháp lúc ${savedAt}` : 'Thông tin được lưu ngay khi nhập.'}</p>
      {saveError && <p class="error" role="alert">{saveError}</p>}
      {initial.problem && <p class="error" role="alert">Máy chủ đã từ chối: {initial.problem.message} Sửa rồi đưa vào hàng đợi lại.</p>}
      {problems && problems.some((p) => !p.warning) && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>Cần sửa trước khi gửi:</p>
          <ul>{problems.filter((p) => !p.warning).map((p) => <li key={p.field + p.message}><a href={`#${p.field}`}>{p.message}</a></li>)}</ul>
        </div>
      )}

      <fieldset>
        <legend>Chủ hộ</legend>
        <div class="field">
          <label for="communeCode">Xã</label>
          <select id="communeCode" value={h.communeCode} onChange={(e) => update({ communeCode: e.currentTarget.value })}>
            {device.communes.map((c) => <option key={c.code} value={c.code}>{c.name} ({c.districtName})</option>)}
          </select>
        </div>
        {text('village', 'Thôn, bản', { list: 'villages', autocomplete: 'off' })}
        <datalist id="villages">{villages.map((v) => <option key={v} value={v} />)}</datalist>
        {text('headName', 'Họ tên chủ hộ', { autocomplete: 'off' })}
        <div class="field">
          <label for="phone">Số điện thoại di động</label>
          <input id="phone" type="tel" inputMode="tel" value={h.phone} aria-invalid={err('phone').length > 0} aria-describedby={described('phone')} onInput={(e) => update({ phone: e.currentTarget.value })} autocomplete="off" />
          {fieldError('phone')}
        </div>
        <div class="field">
          <label for="idNumber">Số CCCD (12 số) hoặc CMND cũ (9 số)</label>
          <input id="idNumber" inputMode="numeric" value={h.idNumber} aria-invalid={err('idNumber').some((p) => !p.warning)} aria-describedby={described('idNumber') ?? 'idNumber-hint'} onInput={(e) => update({ idNumber: e.currentTarget.value })} autocomplete="off" />
          {fieldError('idNumber') || (
            <p id="idNumber-hint" class="hint">{idCheck.ok ? (idCheck.kind === 'cmnd' ? 'CMND cũ: vẫn nhận, nên đổi sang CCCD.' : `CCCD đăng ký tại ${idCheck.province}.`) : ''}</p>
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>Cửa hàng số và tài khoản thanh toán</legend>
        <div class="choices" role="radiogroup" aria-label="Sàn thương mại điện tử">
          {(['postmart', 'voso'] as const).map((m) => (
            <label key={m} class="choice">
              <input type="radio" name="marketplace" checked={h.marketplace === m} onChange={() => update({ marketplace: m, payment: m === 'voso' ? 'viettelmoney' : 'postpay' })} />
              {marketplaceHostOf[m]}
            </label>
          ))}
        </div>
        {text('shopName', 'Tên cửa hàng muốn mở')}
        <div class="choices" role="radiogroup" aria-label="Tài khoản thanh toán điện tử">
          {([['postpay', 'Ví PostPay (Bưu điện)'], ['viettelmoney', 'Viettel Money'], ['bank', 'Tài khoản ngân hàng']] as const).map(([v, label]) => (
            <label key={v} class="choice">
              <input type="radio" name="payment" checked={h.payment === v} onChange={() => update({ payment: v })} />
              {label}
            </label>
          ))}
        </div>
        <label class="choice">
          <input type="checkbox" checked={h.hasPaymentAccount} onChange={(e) => update({ hasPaymentAccount: e.currentTarget.checked })} />
          Hộ đã có tài khoản này
        </label>
      </fieldset>

      <fieldset>
        <legend>Sản phẩm</legend>
        {fieldError('products')}
        {h.products.map((p, i) => (
          <div class="product-row" key={i}>
            <div class="field">
              <label for={i === 0 ? 'products' : `product-${i}`}>Tên sản phẩm {i + 1}</label>
              <input id={i === 0 ? 'products' : `product-${i}`} list="product-names" value={p.name} onInput={(e) => update({ products: h.products.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)) })} />
            </div>
            <div class="field">
              <label for={`category-${i}`}>Loại</label>
              <select id={`category-${i}`} value={p.category} onChange={(e) => update({ products: h.products.map((x, j) => (j === i ? { ...x, category: e.currentTarget.value } : x)) })}>
                <option value="">— Chọn loại —</option>
                {products.categories.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
              </select>
            </div>
            {h.products.length > 1 && <button type="button" class="secondary" onClick={() => update({ products: h.products.filter((_, j) => j !== i) })}>Bỏ sản phẩm {i + 1}</button>}
          </div>
        ))}
        <datalist id="product-names">{products.products.map((p) => <option key={p.code} value={p.name} />)}</datalist>
        <button type="button" class="secondary" onClick={() => update({ products: [...h.products, { category: '', name: '' }] })}>+ Thêm sản phẩm</button>

        <div class="field">
          <label for="photos">Ảnh sản phẩm (chụp hoặc chọn ảnh)</label>
          <input id="photos" type="file" accept="image/*" capture="environment" multiple onChange={(e) => void addPhotos(e.currentTarget.files).then(() => ((e.target as HTMLInputElement).value = ''))} />
          {busy && <p role="status">{busy}</p>}
          <ul class="photos" aria-label="Ảnh đã chụp">
            {photos.filter((p) => p.kind === 'product').map((p, i) => (
              <li key={p.id}>
                <PhotoThumb photo={p} alt={`Ảnh sản phẩm ${i + 1}`} />
                <button type="button" class="secondary" onClick={() => void removePhoto(p.id)}>Xoá ảnh {i + 1}</button>
              </li>
            ))}
          </ul>
        </div>
      </fieldset>

      <fieldset>
        <legend>Chứng nhận và truy xuất nguồn gốc</legend>
        <div class="field">
          <label for="vietgap">Số chứng nhận VietGAP (nếu có)</label>
          <input id="vietgap" value={h.vietgap ?? ''} aria-describedby="vietgap-hint" onInput={(e) => update({ vietgap: e.currentTarget.value || null })} placeholder="VietGAP-TT-xx-xx-20-xxxx" />
          <p id="vietgap-hint" class={vietgap?.warning ? 'warning' : 'hint'}>{vietgap?.warning ?? ''}</p>
        </div>
        <div class="field">
          <label for="ocopStars">Sản phẩm OCOP</label>
          <select id="ocopStars" value={String(h.ocopStars ?? '')} onChange={(e) => update({ ocopStars: e.currentTarget.value ? Number(e.currentTarget.value) : null })}>
            <option value="">Không có</option>
            <option value="3">OCOP 3 sao</option>
            <option value="4">OCOP 4 sao</option>
            <option value="5">OCOP 5 sao</option>
          </select>
        </div>
        <div class="field">
          <label for="traceability">Truy xuất nguồn gốc (tem QR, mã vùng trồng…)</label>
          <input id="traceability" value={h.traceability ?? ''} onInput={(e) => update({ traceability: e.currentTarget.value || null })} />
        </div>
        <div class="field">
          <label for="notes">Ghi chú</label>
          <textarea id="notes" rows={3} value={h.notes} onInput={(e) => update({ notes: e.currentTarget.value })} />
        </div>
      </fieldset>

      <fieldset>
        <legend>Sự đồng ý của hộ</legend>
        <label class="choice" for="consent">
          <input id="consent" type="checkbox" checked={h.consent} aria-describedby={described('consent')} onChange={(e) => update({ consent: e.currentTarget.checked })} />
          Hộ đồng ý cung cấp thông tin trên để mở cửa hàng trên {marketplaceHostOf[h.marketplace]} và tài khoản thanh toán điện tử.
        </label>
        {fieldError('consent')}
        <p id="signature">Chữ ký của chủ hộ</p>
        {fieldError('signature')}
        <Suspense fallback={<p>Đang mở ô ký…</p>}>
          <SignaturePad onSave={(b) => void saveSignature(b)} existing={signatureUrl} />
        </Suspense>
        {signatureId && <p class="hint">Đã lưu chữ ký.</p>}
      </fieldset>

      <button type="submit" class="big">Lưu và đưa vào hàng đợi gửi</button>
    </form>
  );
}

async function recheck(h: SubmittedHousehold, signatureId: string | null): Promise<Problem[]> {
  const out: Problem[] = checkHousehold(h);
  if (!signatureId) out.push({ field: 'signature', message: 'Chủ hộ chưa ký tên.' });
  for (const d of await duplicatesOf(h)) out.push({ field: d.field, message: d.field === 'phone' ? `Số điện thoại này đã đăng ký cho hộ ${d.name}.` : `Số CCCD/CMND này đã đăng ký cho hộ ${d.name}.` });
  return out;
}

/** Villages already typed for this commune, on this tablet or in the commune roster. */
async function villagesOf(communeCode: string): Promise<string[]> {
  const roster = await db.roster.where('communeCode').equals(communeCode).toArray();
  const local = await db.households.filter((r) => r.plain.communeCode === communeCode).toArray();
  return [...new Set([...roster.map((r) => r.village), ...local.map((r) => r.plain.village)].filter(Boolean))].sort((a, b) => a.localeCompare(b, 'vi'));
}

function useObjectUrl(photoId: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!photoId) return setUrl(null);
    let u = '';
    void db.photos.get(photoId).then((p) => p && setUrl((u = URL.createObjectURL(p.blob))));
    return () => u && URL.revokeObjectURL(u);
  }, [photoId]);
  return url;
}

export function PhotoThumb({ photo, alt }: { photo: PhotoRecord; alt: string }) {
  const url = useObjectUrl(photo.id);
  return url ? <img src={url} alt={alt} class="thumb" /> : null;
}
