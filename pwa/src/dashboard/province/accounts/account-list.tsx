import { useState } from 'preact/hooks';
import { Confirm } from '../../../../../components/confirm';
import { DataTable, longListPage, type Column } from '../../../../../components/data-table';
import { outcomeOf, StatusMessage, type RowOutcome } from '../../../../../components/status-message';
import { describeError, sendJson } from '../../api';
import { communeName, roleText, type Account } from './account';

/** Every account, searchable; locking one signs that person out at once, so it asks first. */
export function AccountList({ users, onChanged }: { users: Account[]; onChanged: () => void }) {
  const [locking, setLocking] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<RowOutcome | null>(null);

  async function setDisabled(u: Account, disabled: boolean) {
    setLocking(null);
    try {
      await sendJson('PATCH', `/api/province/users/${encodeURIComponent(u.id)}`, { disabled });
      setOutcome({ row: u.id, text: `Đã ${disabled ? 'khóa' : 'mở khóa'} tài khoản ${u.username}.` });
      onChanged();
    } catch (err) {
      setOutcome({ row: u.id, text: `Chưa ${disabled ? 'khóa' : 'mở khóa'} được tài khoản ${u.username}: ${describeError(err)}`, error: true });
    }
  }

  const columns: Column<Account>[] = [
    { key: 'username', label: 'Tên đăng nhập', value: (u) => u.username },
    { key: 'fullName', label: 'Họ và tên', value: (u) => u.fullName },
    { key: 'role', label: 'Vai trò', value: (u) => roleText[u.role] },
    { key: 'scope', label: 'Cơ quan / xã', value: (u) => (u.agencyName ?? u.agencyCode ?? u.communeCodes.map(communeName).join(', ')) || null },
    { key: 'createdAt', label: 'Ngày tạo', kind: 'date', value: (u) => u.createdAt },
    {
      key: 'disabled',
      label: 'Trạng thái',
      value: (u) => (u.disabled ? 'Đã khóa' : 'Đang dùng'),
      render: (u) =>
        locking === u.id ? (
          <Confirm
            question={`Khóa tài khoản ${u.username}? Người này sẽ bị đăng xuất ngay.`}
            confirmLabel="Khóa"
            cancelLabel="Không khóa"
            danger
            onConfirm={() => void setDisabled(u, true)}
            onCancel={() => setLocking(null)}
          />
        ) : (
          <>
            {u.disabled ? 'Đã khóa' : 'Đang dùng'}{' '}
            <button type="button" class="secondary" onClick={() => (u.disabled ? void setDisabled(u, false) : setLocking(u.id))} aria-label={`${u.disabled ? 'Mở khóa' : 'Khóa'} tài khoản ${u.username}`}>
              {u.disabled ? 'Mở khóa' : 'Khóa'}
            </button>
            <StatusMessage message={outcomeOf(outcome, u.id)} />
          </>
        ),
    },
  ];
  return <DataTable caption="Các tài khoản" columns={columns} rows={users} rowKey={(u) => u.id} pageSize={longListPage} />;
}
