import rules from './region/lang-son/vn-validation.json' with { type: 'json' };

/**
 * Căn cước công dân (12 digits: province of birth registration, century+gender, year, serial) or the old
 * chứng minh nhân dân (9 digits), which is still accepted but marked so the officer can ask for the new card.
 */
export type CitizenIdCheck =
  | { ok: true; id: string; kind: 'cccd'; province: string }
  | { ok: true; id: string; kind: 'cmnd'; province: null }
  | { ok: false; reason: 'empty' | 'format' | 'province'; message: string };

const provinces = new Map(rules.cccd.provinceCodes.map((p) => [p.code, p.province]));

export function normaliseCitizenId(input: string): string {
  return input.replace(/[\s.\-]/g, '');
}

export function checkCitizenId(input: string): CitizenIdCheck {
  const id = normaliseCitizenId(input);
  if (!id) return { ok: false, reason: 'empty', message: 'Chưa nhập số CCCD.' };
  if (/^\d{9}$/.test(id)) return { ok: true, id, kind: 'cmnd', province: null };
  if (!/^\d{12}$/.test(id)) return { ok: false, reason: 'format', message: 'Số CCCD phải có 12 chữ số (CMND cũ: 9 chữ số).' };
  const province = provinces.get(id.slice(0, 3));
  if (!province) return { ok: false, reason: 'province', message: `Ba số đầu ${id.slice(0, 3)} không phải mã tỉnh trên CCCD. Xin kiểm tra lại.` };
  return { ok: true, id, kind: 'cccd', province };
}
