import type { RegionPack } from '.';

const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
const isDate = (x: unknown): x is string => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x);

/**
 * What is wrong with a region pack read from a file (Vietnamese, for the operator), empty when it can be loaded.
 * Checks what seeding and the tallies rely on: codes present and unique, every agency's district known, dates.
 */
export function regionPackProblems(x: unknown): string[] {
  const out: string[] = [];
  const p = x as Partial<RegionPack> | null;
  if (!p || typeof p !== 'object') return ['Gói địa phương phải là một đối tượng JSON.'];
  if (!isText(p.province?.code) || !isText(p.province?.name)) out.push('Thiếu province.code hoặc province.name.');
  if (!Array.isArray(p.districts) || p.districts.length === 0) out.push('Thiếu danh sách huyện (districts).');
  const districts = new Set<string>();
  const communes = new Set<string>();
  for (const d of Array.isArray(p.districts) ? p.districts : []) {
    if (!isText(d?.code) || !isText(d?.name)) {
      out.push(`Huyện thiếu mã hoặc tên: ${JSON.stringify(d).slice(0, 80)}`);
      continue;
    }
    if (districts.has(d.code)) out.push(`Mã huyện ${d.code} bị lặp.`);
    districts.add(d.code);
    if (!Array.isArray(d.communes) || d.communes.length === 0) out.push(`Huyện ${d.code} không có xã nào.`);
    for (const c of Array.isArray(d.communes) ? d.communes : []) {
      if (!isText(c?.code) || !isText(c?.name) || !isText(c?.type)) out.push(`Xã thiếu mã, tên hoặc loại trong huyện ${d.code}.`);
      else if (communes.has(c.code)) out.push(`Mã xã ${c.code} bị lặp.`);
      else communes.add(c.code);
    }
  }
  const agencies = new Set<string>();
  if (!Array.isArray(p.agencies) || p.agencies.length === 0) out.push('Thiếu danh sách cơ quan (agencies).');
  for (const a of Array.isArray(p.agencies) ? p.agencies : []) {
    if (!isText(a?.code) || !isText(a?.name) || !isText(a?.kind) || !isText(a?.group)) out.push(`Cơ quan thiếu mã, tên, loại hoặc nhóm: ${JSON.stringify(a).slice(0, 80)}`);
    else if (agencies.has(a.code)) out.push(`Mã cơ quan ${a.code} bị lặp.`);
    else agencies.add(a.code);
    if (a?.districtCode !== undefined && !districts.has(a.districtCode)) out.push(`Cơ quan ${a?.code} thuộc huyện ${a.districtCode} không có trong gói.`);
  }
  for (const period of Array.isArray(p.periods) ? p.periods : []) {
    if (!isText(period?.id) || !isText(period?.name) || !isDate(period?.startsOn) || !isDate(period?.endsOn) || !isDate(period?.reportDue) || period.endsOn < period.startsOn)
      out.push(`Đợt ${period?.id ?? '?'}: cần id, name và các ngày startsOn ≤ endsOn, reportDue dạng yyyy-mm-dd.`);
  }
  if (!Array.isArray(p.periods)) out.push('Thiếu danh sách đợt (periods; có thể để trống []).');
  if (!p.marketplaceHosts || typeof p.marketplaceHosts !== 'object') out.push('Thiếu marketplaceHosts.');
  for (const [key, at] of Object.entries(p.signupDeadlines ?? {})) {
    if (key !== 'default' && !districts.has(key)) out.push(`Hạn đăng ký hộ cho huyện ${key}: không có huyện này trong gói.`);
    else if (!isDate(at)) out.push(`Hạn đăng ký hộ "${key}": ${String(at)} không phải ngày dạng yyyy-mm-dd.`);
  }
  if (!p.signupDeadlines) out.push('Thiếu signupDeadlines.');
  const percent = p.householdTargetPercent;
  if (typeof percent !== 'number' || percent <= 0 || percent > 100) out.push('householdTargetPercent phải từ 1 đến 100.');
  if (!Number.isInteger(p.staffHeadcount) || (p.staffHeadcount as number) <= 0) out.push('staffHeadcount phải là số nguyên dương (số cán bộ của tỉnh).');
  if (typeof p.dailyKgTarget !== 'number' || p.dailyKgTarget < 0) out.push('dailyKgTarget phải là số không âm.');
  const links = (p.extensionLinks ?? {}) as Record<string, unknown>;
  for (const [store, link] of Object.entries(links)) {
    if (store !== 'chrome' && store !== 'firefox') out.push(`extensionLinks.${store}: chỉ có chrome và firefox.`);
    else if (typeof link !== 'string' || !/^https:\/\/[^\s/]+\/\S*$/.test(link)) out.push(`extensionLinks.${store} phải là một địa chỉ https://…`);
  }
  return out;
}
