import { useState } from 'preact/hooks';
import { matchesQuery } from '../../../../../lib/text';
import { communeName, communes } from './account';

/** A commune officer's communes: search without diacritics, tick, see what is picked. */
export function CommunePicker({ picked, onChange }: { picked: string[]; onChange: (codes: string[]) => void }) {
  const [query, setQuery] = useState('');
  const shown = query.trim() ? communes.filter((c) => matchesQuery(`${c.name} ${c.districtName}`, query)).slice(0, 30) : [];
  return (
    <div>
      <label>
        Tìm xã để thêm (không cần gõ dấu)
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      <ul class="dash-picklist">
        {shown.map((c) => (
          <li key={c.code}>
            <label class="dash-radio">
              <input type="checkbox" checked={picked.includes(c.code)} onChange={(e) => onChange(e.currentTarget.checked ? [...picked, c.code] : picked.filter((x) => x !== c.code))} /> {c.name} ({c.districtName})
            </label>
          </li>
        ))}
      </ul>
      <p>Đã chọn: {picked.length ? picked.map(communeName).join('; ') : 'chưa có xã nào'}</p>
    </div>
  );
}
