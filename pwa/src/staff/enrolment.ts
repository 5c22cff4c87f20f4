// The person enrolled on this phone: the same enrolment code as the extension (GET /api/enrolment-codes/:code to
// show the agency first, POST /api/staff/enrol), the staff token kept in IndexedDB like the kiosk keeps its device.
import { get, set, del } from 'idb-keyval';
import { createCollector } from '../../../client/collector';
import type { EnrolmentCodePreview, EnrolResponse, StaffMe } from '../../../lib/api/staff';

export interface StaffEnrolment extends StaffMe {
  token: string;
  enrolledAt: string;
}

const key = 'staff-enrolment';
// One id for this phone's browser: enrolling again from it is the same person at the collector.
const installationKey = 'staff-installation-id';

export const loadEnrolment = () => get<StaffEnrolment>(key);

/** The collector as this person calls it: with their staff token once enrolled. */
export const staffCollector = (e?: StaffEnrolment | null) => createCollector({ token: e?.token ?? null });

export const previewCode = (code: string) => staffCollector().get<EnrolmentCodePreview>(`/api/enrolment-codes/${encodeURIComponent(code.trim())}`);

export async function enrol(code: string, fullName: string): Promise<StaffEnrolment> {
  let installationId = await get<string>(installationKey);
  if (!installationId) {
    installationId = crypto.randomUUID();
    await set(installationKey, installationId);
  }
  const a = await staffCollector().call<EnrolResponse>('POST', '/api/staff/enrol', { code: code.trim(), fullName, installationId });
  const enrolment: StaffEnrolment = { token: a.token, staff: a.staff, agency: a.agency, periods: a.periods, enrolledAt: new Date().toISOString() };
  await set(key, enrolment);
  void navigator.storage?.persist?.();
  return enrolment;
}

/** The collector no longer knows this token (401): enrol again; what waits to be sent stays on the phone. */
export const forgetEnrolment = () => del(key);
