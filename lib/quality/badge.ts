// The buyer's note on a marketplace product page whose shop belongs to a registered Lạng Sơn household: verified
// facts only, those still in date on the day it is shown (the registry the extension keeps may be a day old).
import { formatDate } from '../format';
import type { RegistryShop } from '../api/registry';

/** What the extension keeps per shop (the registry's entry without the link, which is its key). */
export type BadgeShop = Pick<RegistryShop, 'commune' | 'district' | 'claims'>;

/** How a commune's or district's name starts: its kind, as the registry writes it (capitalised). */
const kinds = ['Xã ', 'Phường ', 'Thị trấn ', 'Huyện ', 'Thành phố ', 'Thị xã '];

/**
 * "Xã Nhạc Kỳ" → "xã Nhạc Kỳ", "Thành phố Lạng Sơn" → "thành phố Lạng Sơn": the kind is written small mid-sentence.
 * Every kind starts with its one capital letter. No regular expression: compiling one is a cost the note would pay on
 * every product page it is shown on.
 */
const inSentence = (name: string) => (kinds.some((k) => name.startsWith(k)) ? name[0].toLowerCase() + name.slice(1) : name);

const inDate = (expiresOn: string | null, today: string) => !expiresOn || expiresOn >= today;

/**
 * "Hộ sản xuất tại xã …, huyện … · VietGAP đã xác minh, còn hạn đến dd/mm/yyyy · OCOP 3 sao"; null when nothing
 * verified is still in date (then nothing is shown).
 */
export function badgeLine(shop: BadgeShop, today: string): string | null {
  const facts: string[] = [];
  for (const c of shop.claims) {
    if (!inDate(c.expiresOn, today)) continue;
    if (c.kind === 'vietgap') facts.push(`VietGAP đã xác minh, còn hạn đến ${formatDate(c.expiresOn)}`);
    else if (c.kind === 'ocop') facts.push(`OCOP ${c.stars} sao`);
    else facts.push('Truy xuất nguồn gốc đã xác minh');
  }
  if (!facts.length) return null;
  // VietGAP first, then OCOP, then traceability, whatever order the registry lists them in.
  const order = (f: string) => (f.startsWith('VietGAP') ? 0 : f.startsWith('OCOP') ? 1 : 2);
  return [`Hộ sản xuất tại ${inSentence(shop.commune)}, ${inSentence(shop.district)}`, ...facts.sort((a, b) => order(a) - order(b))].join(' · ');
}
