import type { UserView } from '../../../../../lib/api/province';
import { communesOf, langSon } from '../../../../../lib/region';

/** A sign-in account as the province sees it (GET /api/province/users). */
export type Account = UserView;

export const roleText = { province: 'Sở TT&TT', agency: 'Cán bộ đầu mối', officer: 'Cán bộ xã', agriculture: 'Sở NN&PTNT', district: 'Huyện, thành phố' } as const;

export const districts = langSon.districts.map((d) => ({ code: d.code, name: d.name }));

export const communes = communesOf(langSon);
const communeNames = new Map(communes.map((c) => [c.code, `${c.name} (${c.districtName})`]));
/** "Xã Hưng Đạo (Huyện Bình Gia)"; an unknown code as itself. */
export const communeName = (code: string) => communeNames.get(code) ?? code;
