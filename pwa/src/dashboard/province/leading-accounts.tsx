import { useState } from 'preact/hooks';
import { DataTable, type Column } from '../../../../components/data-table';
import { StatusMessage, type Outcome } from '../../../../components/status-message';
import { formatDate } from '../../../../lib/format';
import { marketplaceOf } from '../../../../lib/marketplaces/hosts';
import { communesOf, langSon } from '../../../../lib/region';
import type { LeadingAccountView } from '../../../../lib/api/province';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';

const communes = communesOf(langSon);
const districts = [...new Set(communes.map((c) => c.districtName))];

/** Each leading account's spread: who, where, their shop, households brought in, of those with a shop, products listed. */
export function SpreadTable({ accounts, onRetire }: { accounts: readonly LeadingAccountView[]; onRetire?: (a: LeadingAccountView) => void }) {
  const columns: Column<LeadingAccountView>[] = [
    { key: 'name', label: 'Tài khoản đầu tàu', value: (a) => a.name },
    { key: 'commune', label: 'Xã', value: (a) => `${a.communeName} (${a.districtName})` },
    {
      key: 'shop',
      label: 'Cửa hàng',
      value: (a) => a.shopUrl,
      render: (a) => (
        <a href={a.shopUrl} target="_blank" rel="noopener noreferrer">
          {a.shopUrl.replace(/^https?:\/\//, '')}
        </a>
      ),
    },
    { key: 'households', label: 'Hộ đã hướng dẫn', kind: 'number', value: (a) => a.households },
    { key: 'withShop', label: 'Trong đó đã có cửa hàng', kind: 'number', value: (a) => a.withShop },
    { key: 'productsListed', label: 'Sản phẩm đã đăng bán', kind: 'number', value: (a) => a.productsListed },
    { key: 'reason', label: 'Lý do chọn', value: (a) => a.reason },
    {
      key: 'state',
      label: 'Trạng thái',
      value: (a) => a.retiredAt ?? '',
      searchable: false,
      render: (a) =>
        a.retiredAt ? (
          `Đã thôi từ ${formatDate(a.retiredAt.slice(0, 10))}`
        ) : onRetire ? (
          <button type="button" class="secondary" onClick={() => onRetire(a)} aria-label={`Cho ${a.name} thôi làm đầu tàu`}>
            Cho thôi
          </button>
        ) : (
          'Đang là đầu tàu'
        ),
    },
  ];
  return (
    <DataTable
      caption="Sức lan tỏa của từng tài khoản đầu tàu"
      columns={columns}
      rows={accounts}
      rowKey={(a) => a.id}
      searchLabel="Tìm theo tên hoặc xã (không cần gõ dấu)"
      empty="Sở chưa chọn tài khoản đầu tàu nào."
    />
  );
}

const empty = { name: '', communeCode: '', shopUrl: '', reason: '' };

/** Sở TT&TT's leading accounts ("tài khoản đầu tàu"): pick them, retire them, and see how far each one spreads. */
export function LeadingAccounts() {
  const list = useLoad<{ accounts: LeadingAccountView[] }>('/api/province/leading-accounts');
  const [form, setForm] = useState(empty);
  // One id per nomination being typed: a retried click is the same nomination, not a second one.
  const [id, setId] = useState(() => crypto.randomUUID());
  const [message, setMessage] = useState<Outcome | null>(null);
  const field = (k: keyof typeof empty) => ({ value: form[k], onInput: (e: Event) => setForm((f) => ({ ...f, [k]: (e.currentTarget as HTMLInputElement).value })) });

  async function nominate(e: Event) {
    e.preventDefault();
    if (form.name.trim().length < 2) return setMessage({ text: 'Xin nhập tên người hoặc hộ (ít nhất 2 ký tự).', error: true });
    if (!form.communeCode) return setMessage({ text: 'Xin chọn xã.', error: true });
    if (!marketplaceOf(form.shopUrl.trim())) return setMessage({ text: 'Đường dẫn cửa hàng phải là một trang trên langson.voso.vn hoặc langson.postmart.vn.', error: true });
    if (form.reason.trim().length < 5) return setMessage({ text: 'Xin ghi lý do chọn (ít nhất 5 ký tự).', error: true });
    try {
      await sendJson('POST', '/api/province/leading-accounts', { id, ...form });
      setMessage({ text: `Đã thêm ${form.name.trim()} làm tài khoản đầu tàu.`, error: false });
      setForm(empty);
      setId(crypto.randomUUID());
      list.reload();
    } catch (err) {
      setMessage({ text: `Chưa thêm được: ${describeError(err)}`, error: true });
    }
  }

  async function retire(a: LeadingAccountView) {
    try {
      await sendJson('POST', `/api/province/leading-accounts/${encodeURIComponent(a.id)}/retire`);
      setMessage({ text: `${a.name} đã thôi làm tài khoản đầu tàu; các hộ đã hướng dẫn vẫn được tính.`, error: false });
      list.reload();
    } catch (err) {
      setMessage({ text: `Chưa cho thôi được: ${describeError(err)}`, error: true });
    }
  }

  return (
    <section aria-labelledby="leading-h">
      <h2 id="leading-h">Tài khoản đầu tàu</h2>
      <p class="dash-muted">
        Người hoặc hộ dùng tốt sàn thương mại điện tử, được Sở chọn để hướng dẫn các hộ khác trong xã. Số hộ là các hộ mà cán bộ xã ghi trên máy tính bảng là do tài khoản này hướng dẫn.
      </p>
      <StatusMessage error={list.error} />
      {list.data && <SpreadTable accounts={list.data.accounts} onRetire={(a) => void retire(a)} />}
      <form onSubmit={nominate} noValidate>
        <fieldset>
          <legend>Thêm tài khoản đầu tàu</legend>
          <div class="dash-row">
            <label>
              Tên người hoặc hộ
              <input {...field('name')} maxLength={120} autocomplete="off" />
            </label>
            <label>
              Xã
              <select value={form.communeCode} onChange={(e) => setForm((f) => ({ ...f, communeCode: e.currentTarget.value }))}>
                <option value="">— Chọn xã —</option>
                {districts.map((d) => (
                  <optgroup key={d} label={d}>
                    {communes.filter((c) => c.districtName === d).map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
                  </optgroup>
                ))}
              </select>
            </label>
            <label>
              Đường dẫn cửa hàng (langson.voso.vn hoặc langson.postmart.vn)
              <input {...field('shopUrl')} type="url" maxLength={500} autocomplete="off" />
            </label>
            <label>
              Lý do chọn
              <textarea {...field('reason')} maxLength={1000} rows={3} />
            </label>
          </div>
          <StatusMessage message={message} />
          <button type="submit">Thêm tài khoản đầu tàu</button>
        </fieldset>
      </form>
    </section>
  );
}
