import { useState } from 'preact/hooks';
import { Confirm } from '../../../../components/confirm';
import { DataTable, type Column } from '../../../../components/data-table';
import { StatusMessage, type Outcome } from '../../../../components/status-message';
import type { AgencyUnit } from '../../../../lib/api/agency-units';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';

/**
 * The agency's sub-units (đơn vị trực thuộc): a district People's Committee's communes and the units it adds. Codes
 * made for a unit put their people in it, and the report breaks the figures down by unit. The province opens the
 * same screen for any agency (`path` /api/province/agencies/:code/units, `agencyName` in the title).
 */
export function AgencyUnits({ path = '/api/agency/units', agencyName }: { path?: string; agencyName?: string }) {
  const list = useLoad<{ units: AgencyUnit[] }>(path);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<Outcome | null>(null);
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(done: string, failed: string, call: () => Promise<unknown>) {
    setBusy(true);
    try {
      await call();
      setMessage({ text: done });
      list.reload();
      return true;
    } catch (e) {
      setMessage({ text: `${failed}: ${describeError(e)}`, error: true });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(e: Event) {
    e.preventDefault();
    const typed = name.replace(/\s+/g, ' ').trim();
    if (typed.length < 2) return setMessage({ text: 'Nhập tên đơn vị trực thuộc (ít nhất 2 ký tự).', error: true });
    if (await act(`Đã thêm đơn vị “${typed}”.`, `Chưa thêm được đơn vị “${typed}”`, () => sendJson('POST', path, { name: typed }))) setName('');
  }

  async function rename(u: AgencyUnit, e: Event) {
    e.preventDefault();
    const typed = (editing?.name ?? '').replace(/\s+/g, ' ').trim();
    if (typed.length < 2) return setMessage({ text: 'Tên đơn vị trực thuộc cần ít nhất 2 ký tự.', error: true });
    if (await act(`Đã đổi tên “${u.name}” thành “${typed}”.`, `Chưa đổi được tên “${u.name}”`, () => sendJson('PATCH', `${path}/${encodeURIComponent(u.id)}`, { name: typed }))) setEditing(null);
  }

  const toggle = (u: AgencyUnit) =>
    act(
      u.active ? `Đã ngừng hoạt động “${u.name}”: không cấp thêm mã, mã cũ của đơn vị không dùng để đăng ký được nữa.` : `Đã cho “${u.name}” hoạt động trở lại.`,
      `Chưa đổi được trạng thái của “${u.name}”`,
      () => sendJson('PATCH', `${path}/${encodeURIComponent(u.id)}`, { active: !u.active }),
    );

  async function remove(u: AgencyUnit) {
    setDeleting(null);
    await act(`Đã xóa đơn vị “${u.name}”.`, `Chưa xóa được “${u.name}”`, () => sendJson('DELETE', `${path}/${encodeURIComponent(u.id)}`));
  }

  const columns: Column<AgencyUnit>[] = [
    {
      key: 'name',
      label: 'Đơn vị trực thuộc',
      value: (u) => u.name,
      render: (u) =>
        editing?.id === u.id ? (
          <form onSubmit={(e) => void rename(u, e)} class="dash-row">
            <label>
              Tên mới
              <input value={editing.name} maxLength={200} onInput={(e) => setEditing({ id: u.id, name: e.currentTarget.value })} />
            </label>
            <button type="submit" disabled={busy}>
              Lưu tên
            </button>
            <button type="button" class="secondary" onClick={() => setEditing(null)}>
              Thôi
            </button>
          </form>
        ) : (
          u.name
        ),
    },
    { key: 'kind', label: 'Loại', value: (u) => (u.communeCode ? 'Xã, phường, thị trấn' : 'Đơn vị cơ quan thêm') },
    { key: 'people', label: 'Số người đã đăng ký', kind: 'number', value: (u) => u.people },
    { key: 'active', label: 'Trạng thái', value: (u) => (u.active ? 'Đang hoạt động' : 'Đã ngừng hoạt động') },
    {
      key: 'actions',
      label: 'Thao tác',
      searchable: false,
      value: () => null,
      render: (u) =>
        deleting === u.id ? (
          <Confirm question={`Xóa đơn vị “${u.name}”? Các mã chưa dùng của đơn vị cũng bị xóa.`} confirmLabel="Xóa" cancelLabel="Không xóa" danger onConfirm={() => void remove(u)} onCancel={() => setDeleting(null)} />
        ) : (
          <>
            <button type="button" class="secondary" onClick={() => setEditing({ id: u.id, name: u.name })} aria-label={`Đổi tên ${u.name}`}>
              Đổi tên
            </button>{' '}
            <button type="button" class="secondary" disabled={busy} onClick={() => void toggle(u)} aria-label={`${u.active ? 'Ngừng hoạt động' : 'Cho hoạt động lại'} ${u.name}`}>
              {u.active ? 'Ngừng hoạt động' : 'Cho hoạt động lại'}
            </button>{' '}
            {u.people === 0 && (
              <button type="button" class="secondary" onClick={() => setDeleting(u.id)} aria-label={`Xóa ${u.name}`}>
                Xóa
              </button>
            )}
          </>
        ),
    },
  ];

  return (
    <section aria-labelledby="units-h">
      <h2 id="units-h">{agencyName ? `Đơn vị trực thuộc ${agencyName}` : 'Đơn vị trực thuộc'}</h2>
      <p class="dash-muted">
        Cấp mã đăng ký riêng cho từng đơn vị (ở trang Mã đăng ký): người đăng ký bằng mã đó thuộc đơn vị, và báo cáo, tệp Excel, văn bản Word chia số liệu theo đơn vị. Đơn vị đã có người đăng ký thì không xóa được, chỉ ngừng hoạt động.
      </p>
      <form onSubmit={add} class="dash-row dash-noprint">
        <label>
          Tên đơn vị mới (phòng, trường, trung tâm…)
          <input value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} placeholder="Phòng Giáo dục và Đào tạo" />
        </label>
        <button type="submit" disabled={busy}>
          Thêm đơn vị
        </button>
      </form>
      <StatusMessage message={message} />
      <StatusMessage error={list.error} />
      {list.data && <DataTable caption="Các đơn vị trực thuộc" columns={columns} rows={list.data.units} rowKey={(u) => u.id} empty="Cơ quan chưa có đơn vị trực thuộc nào." />}
    </section>
  );
}
