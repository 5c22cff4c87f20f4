import { update } from 'idb-keyval';
import { kioskCollector, loadDevice, saveDevice, type Device } from './device';
import { recordCode } from '../../../lib/kiosk/record-code';
import type { DeviceAnswer } from '../../../lib/api/kiosk';

/**
 * The tablet gives each household its record code offline (lib/kiosk/record-code.ts): its prefix and its own
 * running number, kept beside the prefix. The number is taken in one IndexedDB transaction, so two tabs or two
 * officers on the tablet never take the same one.
 */
export async function nextRecordCode(): Promise<string | null> {
  const prefix = (await loadDevice())?.codePrefix;
  if (!prefix) return null;
  let serial = 0;
  await update<number>(`kiosk-record-serial-${prefix}`, (n) => (serial = n ?? 0) + 1);
  return recordCode(prefix, serial);
}

/**
 * A tablet enrolled before record codes asks the collector for its prefix once it can reach it; until then its
 * households are queued without a code and get the collector's one when they are sent.
 */
export async function ensureCodePrefix(device: Device): Promise<void> {
  // What is stored counts (nextRecordCode reads it), not the copy the screens were opened with.
  if ((await loadDevice())?.codePrefix) return;
  const { device: d } = await kioskCollector(device).get<DeviceAnswer>('/api/kiosk/device');
  const stored = await loadDevice();
  if (stored?.id === device.id) await saveDevice({ ...stored, codePrefix: d.codePrefix });
}
