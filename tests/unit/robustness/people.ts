import { randomUUID } from 'node:crypto';
import type { TestDeps } from '../../../server/test-databases';
import { sampleHousehold } from '../../../lib/kiosk/sample-household';
import { createCommuneOfficer } from '../../../server/testing/seed';
import type { SubmittedHousehold } from '../../../lib/kiosk/household';

/** An officer of `communes` and a tablet enrolled by them through the real API (device code → enrol). */
export async function enrolKiosk(deps: Pick<TestDeps, 'db' | 'app'>, communes = ['06181']) {
  const officer = await createCommuneOfficer(deps.db, communes);
  const post = (path: string, token: string | null, body: unknown) =>
    deps.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const made = await post('/api/kiosk/device-codes', officer.token, { communeCodes: communes });
  if (made.status !== 201) throw new Error(`device code: ${made.status} ${await made.text()}`);
  const { code } = (await made.json()) as { code: string };
  const enrolled = await post('/api/kiosk/enrol', null, { code, deviceName: 'Máy tính bảng thử nghiệm' });
  if (enrolled.status !== 201) throw new Error(`kiosk enrol: ${enrolled.status} ${await enrolled.text()}`);
  const { token, device } = (await enrolled.json()) as { token: string; device: { id: string } };
  return { officer, token, deviceId: device.id };
}

let serial = 0;
/** A valid household with its own phone and citizen ID (n makes them unique across a test run). */
export function household(over: Partial<SubmittedHousehold> = {}, n = ++serial + Math.floor(Math.random() * 1e5) * 1000): SubmittedHousehold {
  const digits = String(n % 1e7).padStart(7, '0');
  return sampleHousehold({
    clientId: randomUUID(),
    phone: `091${digits}`,
    idNumber: `02019${digits}`,
    marketplace: 'voso',
    payment: 'viettelmoney',
    hasPaymentAccount: true,
    products: [{ category: 'trai_cay', name: 'Na Chi Lăng' }],
    ...over,
  });
}
