import { useEffect, useState } from 'preact/hooks';
import { get, set } from 'idb-keyval';

interface ReceivedHousehold {
  id: string;
  clientId: string;
  communeCode: string;
  headName: string;
  receivedAt: string;
}

const draftKey = 'household-draft';

/** Thin slice of the kiosk: a household typed here is kept in IndexedDB and sent to the collector. */
export function HouseholdQuickForm() {
  const [headName, setHeadName] = useState('');
  const [communeCode, setCommuneCode] = useState('06181');
  const [message, setMessage] = useState('');
  const [received, setReceived] = useState<ReceivedHousehold[]>([]);

  useEffect(() => {
    void get<{ headName: string; communeCode: string }>(draftKey).then((d) => {
      if (d) {
        setHeadName(d.headName);
        setCommuneCode(d.communeCode);
      }
    });
    void refresh();
  }, []);

  async function refresh() {
    try {
      const res = await fetch('/api/households');
      if (res.ok) setReceived((await res.json()).households);
    } catch {
      // Offline: the list stays as it was.
    }
  }

  function edit(name: string, commune: string) {
    setHeadName(name);
    setCommuneCode(commune);
    void set(draftKey, { headName: name, communeCode: commune });
  }

  async function send(e: Event) {
    e.preventDefault();
    try {
      const res = await fetch('/api/households', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientId: crypto.randomUUID(), communeCode, headName }),
      });
      const body = await res.json();
      if (!res.ok) {
        setMessage(body.error?.message ?? 'Máy chủ từ chối.');
        return;
      }
      setMessage(`Đã gửi hộ ${body.headName}.`);
      edit('', communeCode);
      await refresh();
    } catch {
      setMessage('Chưa gửi được: không có mạng. Thông tin vẫn được giữ trên máy.');
    }
  }

  return (
    <section aria-labelledby="hh-title">
      <h2 id="hh-title">Đăng ký hộ</h2>
      <form onSubmit={send}>
        <label>
          Họ tên chủ hộ
          <input name="headName" value={headName} required onInput={(e) => edit(e.currentTarget.value, communeCode)} />
        </label>
        <label>
          Mã xã
          <input name="communeCode" value={communeCode} required onInput={(e) => edit(headName, e.currentTarget.value)} />
        </label>
        <button type="submit">Gửi</button>
      </form>
      <p role="status">{message}</p>
      <h3>Máy chủ đã nhận</h3>
      <ul class="received">
        {received.map((h) => (
          <li key={h.id}>
            {h.headName} — {h.communeCode}
          </li>
        ))}
      </ul>
    </section>
  );
}
