// Small settings kept in the extension's database: the collector address, the enrolment, the rules copy.
import type { Period } from '../../lib/periods';
import { db } from './db';

export interface Enrolment {
  token: string;
  staff: { id: string; fullName: string };
  agency: { code: string; name: string };
  periods: Period[];
  enrolledAt: string;
}

async function get<T>(key: string): Promise<T | undefined> {
  return (await db().settings.get(key))?.value as T | undefined;
}
async function set(key: string, value: unknown): Promise<void> {
  await db().settings.put({ key, value });
}

/** The collector this extension reports to: the build-time address unless the person changed it. */
export const getCollectorUrl = async () => (await get<string>('collectorUrl')) ?? __COLLECTOR_URL__;
export const setCollectorUrl = (url: string | null) => (url ? set('collectorUrl', url.replace(/\/+$/, '')) : db().settings.delete('collectorUrl'));

export const getEnrolment = () => get<Enrolment>('enrolment');
export const setEnrolment = (e: Enrolment | null) => (e ? set('enrolment', e) : db().settings.delete('enrolment'));

/** A random id of this installation: enrolling again from it keeps the same person at the collector. */
export async function installationId(): Promise<string> {
  const existing = await get<string>('installationId');
  if (existing) return existing;
  const id = crypto.randomUUID();
  await set('installationId', id);
  return id;
}

export { get as getSetting, set as putSetting };
