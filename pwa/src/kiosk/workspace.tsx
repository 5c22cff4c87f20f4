import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { get, set } from 'idb-keyval';
import type { Device } from './device';
import type { Session } from '.';
import { emptyHousehold, loadHouseholds, type Household } from './household-records';
import { HouseholdForm } from './household-form';
import { HouseholdSummary } from './household-summary';
import { FindHousehold } from './find-household';
import { QueueScreen } from './queue-screen';
import { ProgressScreen } from './progress-screen';
import { StorageInfo } from './storage-info';
import { ChangeSecret } from './change-secret';
import { useAutoLock } from './auto-lock';
import { onSync, sendJustQueued, startSending, syncNow, type SyncOptions } from './sending/schedule';
import { ensureCodePrefix } from './record-codes';

type View = 'form' | 'summary' | 'find' | 'queue' | 'progress';
interface Place {
  view: View;
  clientId: string | null;
}

/** The officer's working screens. Where they were (screen and household) is remembered across reloads. */
export default function Workspace({ device, session, onLock }: { device: Device; session: Session; onLock: () => void }) {
  const { officer, keys } = session;
  const placeKey = `kiosk-place-${officer.id}`;
  const [households, setHouseholds] = useState<Household[] | null>(null);
  const [place, setPlaceState] = useState<Place | null>(null);
  const [changingSecret, setChangingSecret] = useState(false);
  useAutoLock(onLock);

  // Reloads overlap (a tab switch while a sync ends): only the latest one started may set the list, or an
  // older read, decrypted more slowly, would show a sent household as still waiting.
  const loads = useRef(0);
  const reload = useCallback(async () => {
    const n = ++loads.current;
    const list = await loadHouseholds(keys, officer.id);
    if (n === loads.current) setHouseholds(list);
  }, [keys, officer.id]);
  // Where the officer is now, for work that ends later (a household being queued): `place` in its closure is stale.
  const placeNow = useRef<Place | null>(null);
  const setPlace = (p: Place) => {
    placeNow.current = p;
    // Drafts are saved by the form as typed; the lists must show them when the officer switches screens.
    if (p.view !== place?.view) void reload();
    // A new screen starts at its heading, not where the long form was scrolled to (the summary after queuing).
    if (place && (p.view !== place.view || p.clientId !== place.clientId)) window.scrollTo(0, 0);
    setPlaceState(p);
    void set(placeKey, p);
  };
  const sender = { device, keys, officerId: officer.id };
  const sync = useCallback((opts: SyncOptions = {}) => syncNow(sender, opts), [device, keys, officer.id]);

  useEffect(() => {
    void reload();
    void get<Place>(placeKey).then((p) => setPlace(p?.clientId ? p : { view: 'form', clientId: crypto.randomUUID() }));
    void navigator.storage?.persist?.();
    // Offline now: asked again at the next unlock.
    void ensureCodePrefix(device).catch(() => undefined);
    // Sending runs on its own schedule (sending/schedule.ts) while this officer is unlocked; the lists follow it.
    const stop = startSending(sender);
    const off = onSync((s) => !s.running && void reload());
    return () => {
      stop();
      off();
    };
  }, [officer.id]);

  const current = place?.clientId ? households?.find((h) => h.clientId === place.clientId) : undefined;
  // A new household gets its id when its screen opens; it is stored at the first keystroke.
  // The form reads it only when it mounts (keyed by clientId), so later list reloads never overwrite typing.
  const initial = current ?? emptyHousehold(officer.name, device.communes[0]?.code ?? '', place?.clientId ?? undefined);
  const newHousehold = () => setPlace({ view: 'form', clientId: crypto.randomUUID() });

  if (!households || !place) return <main class="kiosk"><p class="loading">Đang mở dữ liệu…</p></main>;
  const queued = households.filter((h) => h.state === 'queued' || h.state === 'rejected').length;
  // A household already queued or sent is shown, not edited; "Đăng ký hộ" then starts the next one.
  const editable = !current || current.state === 'draft' || current.state === 'rejected';
  const view: View = place.view === 'form' && !editable ? 'summary' : place.view;
  const open = (h: Household) => setPlace({ view: h.state === 'sent' || h.state === 'queued' ? 'summary' : 'form', clientId: h.clientId });
  const shown = view;
  const tab = (v: View, label: string) => (
    <button type="button" role="tab" aria-selected={shown === v || (v === 'form' && shown === 'summary')} class="tab" onClick={() => (v === 'form' && !editable ? newHousehold() : setPlace({ view: v, clientId: place.clientId }))}>
      {label}
    </button>
  );

  return (
    <main class="kiosk">
      <div class="officer-bar">
        <span>
          Cán bộ: <strong>{officer.name}</strong> · {device.communes.map((c) => c.name).join(', ')}
        </span>
        <span class="row">
          <button type="button" class="secondary" aria-expanded={changingSecret} onClick={() => setChangingSecret(!changingSecret)}>Đổi mã mở khoá</button>
          <button type="button" class="secondary" onClick={onLock}>Khoá máy</button>
        </span>
      </div>
      {changingSecret && <ChangeSecret officer={officer} onDone={() => setChangingSecret(false)} />}
      <nav role="tablist" aria-label="Công việc" class="tabs">
        {tab('form', 'Đăng ký hộ')}
        {tab('find', 'Tìm hộ')}
        {tab('queue', `Hàng chờ gửi${queued ? ` (${queued})` : ''}`)}
        {tab('progress', 'Tiến độ và bàn giao')}
      </nav>
      {view === 'form' && (
        <HouseholdForm
          key={place.clientId}
          device={device}
          session={session}
          initial={initial}
          onQueued={async (clientId) => {
            await reload();
            // Its summary, unless the officer moved to another screen while it was being stored (a slow tablet):
            // a late summary would pull them back from where they went.
            const now = placeNow.current;
            if (now?.view === 'form' && now.clientId === clientId) setPlace({ view: 'summary', clientId });
            // Offline or known to be unreachable: the return of the connection sends it.
            void sendJustQueued(sender, clientId);
          }}
        />
      )}
      {view === 'summary' && current && <HouseholdSummary household={current} device={device} onNext={newHousehold} />}
      {view === 'find' && <FindHousehold session={session} households={households} onOpen={open} />}
      {view === 'queue' && <QueueScreen households={households} onOpen={open} onSync={sync} onChanged={reload} />}
      {view === 'progress' && <ProgressScreen device={device} session={session} onChanged={() => void reload()} />}
      <StorageInfo />
    </main>
  );
}
