import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Household } from './household-records';
import { blindIndex, sha256Hex } from './pin-crypto';
import { loadRoster, rosterMatches, type RosterHousehold } from './roster';
import type { Session } from '.';
import { stateLabel } from './queue-screen';
import { buildSearchIndex, search } from '../../../lib/search';
import { checkPhone } from '../../../lib/vn-phone';
import { checkCitizenId } from '../../../lib/vn-citizen-id';
import { statusLabels } from '../../../lib/kiosk/household';

/**
 * Find a household by name without diacritics, record code, phone or ID: this officer's households (opened in
 * memory), and their copy of the commune roster (names; a full phone or ID number matches by its blind index).
 */
export function FindHousehold({ session, households, onOpen }: { session: Session; households: Household[]; onOpen: (h: Household) => void }) {
  const { keys: officerKeys, officer } = session;
  const [query, setQuery] = useState('');
  const [roster, setRoster] = useState<RosterHousehold[]>([]);
  const [rosterHits, setRosterHits] = useState<RosterHousehold[]>([]);
  useEffect(() => void loadRoster(officerKeys, officer.id).then(setRoster), [officerKeys, officer.id]);
  const index = useMemo(
    () => buildSearchIndex([
        // The record code is searched with the name: "KX7A" or "kx7a-qvyd" finds the household the farmer names by it.
        ...households.map((h) => ({ key: h.clientId, name: `${h.headName} ${h.code ?? ''}`, phone: h.phone, idNumber: h.idNumber })),
        ...roster.filter((r) => !households.some((h) => h.clientId === r.clientId)).map((r) => ({ key: r.clientId, name: `${r.headName} ${r.code ?? ''}` })),
      ]),
    [households, roster],
  );
  const keys = search(index, query);
  const mine = keys.map((k) => households.find((h) => h.clientId === k)).filter((h): h is Household => !!h);
  const others = keys.map((k) => roster.find((r) => r.clientId === k)).filter((r): r is RosterHousehold => !!r && !households.some((h) => h.clientId === r.clientId));

  useEffect(() => {
    const phone = checkPhone(query);
    const id = checkCitizenId(query);
    const key = phone.ok ? `phone:${phone.phone}` : id.ok ? `id:${id.id}` : null;
    if (!key) return setRosterHits([]);
    void sha256Hex(key).then((hash) => blindIndex(officerKeys, hash)).then((index) => rosterMatches(officerKeys, officer.id, [index])).then(setRosterHits);
  }, [query]);
  const fromRoster = [...others, ...rosterHits.filter((r) => !others.includes(r) && !households.some((h) => h.clientId === r.clientId))];

  return (
    <section aria-labelledby="find-title">
      <h1 id="find-title">Tìm hộ</h1>
      <label>
        Họ tên (gõ không dấu cũng được), mã hồ sơ, số điện thoại hoặc số CCCD
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} autocomplete="off" />
      </label>
      {query.trim() && <p role="status">{mine.length + fromRoster.length ? `Tìm thấy ${mine.length + fromRoster.length} hộ.` : 'Không tìm thấy hộ nào. Có thể đăng ký hộ mới.'}</p>}
      <ul class="results">
        {mine.map((h) => (
          <li key={h.clientId}>
            <button type="button" class="result" onClick={() => onOpen(h)}>
              <strong>{h.headName || '(chưa có tên)'}</strong> — {h.village} · {h.code && <>mã <span class="record-code">{h.code}</span> · </>}{stateLabel(h)}
            </button>
          </li>
        ))}
        {fromRoster.map((r) => (
          <li key={r.clientId} class="result">
            <strong>{r.headName}</strong> — {r.village} · {r.code && <>mã <span class="record-code">{r.code}</span> · </>}{statusLabels[r.status]} (đăng ký trên máy khác hoặc của cán bộ khác)
          </li>
        ))}
      </ul>
    </section>
  );
}
