import { useEffect, useState } from 'preact/hooks';
import products from '../../../../lib/region/lang-son/lang-son-products.json' with { type: 'json' };
import { householdLimits } from '../../../../lib/kiosk/household';
import type { PhotoRecord } from '../db';
import type { OfficerKeys } from '../pin-crypto';
import { FieldError, type FieldsetProps } from './fields';
import { addProductPhotos, photosOf, removePhoto, useObjectUrl } from './photos';
import { isStorageFull, saveProblem } from './use-draft';

/** Sản phẩm: what the household sells (names from the province's list, a category each) and photos of it. */
export function ProductsFieldset({ h, update, problems, session, onPhotosAdded }: FieldsetProps & { onPhotosAdded: () => Promise<void> }) {
  const [photos, setPhotos] = useState<PhotoRecord[]>([]);
  const [busy, setBusy] = useState('');
  useEffect(() => {
    void photosOf(h.clientId).then(setPhotos);
  }, [h.clientId]);

  async function addPhotos(files: FileList | null) {
    if (!files?.length) return;
    setBusy('Đang thu nhỏ ảnh…');
    try {
      await addProductPhotos(session.keys, h.clientId, Array.from(files));
      await onPhotosAdded();
      setPhotos(await photosOf(h.clientId));
    } catch (e) {
      setBusy(isStorageFull(e) ? saveProblem(e) : 'Không đọc được ảnh này. Xin chụp lại.');
      return;
    }
    setBusy('');
  }

  async function remove(id: string) {
    await removePhoto(id);
    setPhotos(photos.filter((p) => p.id !== id));
  }

  const productPhotos = photos.filter((p) => p.kind === 'product');
  const setProduct = (i: number, patch: Partial<(typeof h.products)[number]>) => update({ products: h.products.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  return (
    <fieldset>
      <legend>Sản phẩm</legend>
      <FieldError problems={problems} field="products" />
      {h.products.map((p, i) => (
        <div class="product-row" key={i}>
          <div class="field">
            <label for={i === 0 ? 'products' : `product-${i}`}>Tên sản phẩm {i + 1}</label>
            <input id={i === 0 ? 'products' : `product-${i}`} list="product-names" maxLength={householdLimits.productName} value={p.name} onInput={(e) => setProduct(i, { name: e.currentTarget.value })} />
          </div>
          <div class="field">
            <label for={`category-${i}`}>Loại</label>
            <select id={`category-${i}`} value={p.category} onChange={(e) => setProduct(i, { category: e.currentTarget.value })}>
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
        {/* The browser's own picker says "No file chosen" in English whatever was added: a labelled button instead. */}
        <input id="photos" class="file-input" type="file" accept="image/*" capture="environment" multiple onChange={(e) => void addPhotos(e.currentTarget.files).then(() => ((e.target as HTMLInputElement).value = ''))} />
        <label for="photos" class="file-button">{productPhotos.length ? `Thêm ảnh sản phẩm (đã có ${productPhotos.length} ảnh)` : 'Chụp hoặc chọn ảnh sản phẩm'}</label>
        {busy && <p role="status">{busy}</p>}
        <ul class="photos" aria-label="Ảnh đã chụp">
          {productPhotos.map((p, i) => (
            <li key={p.id}>
              <PhotoThumb keys={session.keys} photo={p} alt={`Ảnh sản phẩm ${i + 1}`} />
              <button type="button" class="secondary" onClick={() => void remove(p.id)}>Xoá ảnh {i + 1}</button>
            </li>
          ))}
        </ul>
      </div>
    </fieldset>
  );
}

function PhotoThumb({ keys, photo, alt }: { keys: OfficerKeys; photo: PhotoRecord; alt: string }) {
  const url = useObjectUrl(keys, photo.id);
  return url ? <img src={url} alt={alt} class="thumb" /> : null;
}
