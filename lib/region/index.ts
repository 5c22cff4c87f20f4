import adminUnits from './lang-son/lang-son-admin-units.json' with { type: 'json' };
import agencies from './lang-son/lang-son-agencies.json' with { type: 'json' };
import campaign from './lang-son/campaign.json' with { type: 'json' };
import { marketplaceHosts } from '../marketplaces/hosts';
import type { Period } from '../periods';

/** A region pack: everything province-specific, as data. Another province is another pack, not a code change. */
export interface RegionPack {
  province: { code: string; name: string };
  districts: { code: string; name: string; type: string; communes: { code: string; name: string; type: string }[] }[];
  agencies: { code: string; name: string; kind: string; group: string; districtCode?: string }[];
  marketplaceHosts: Record<string, string>;
  periods: CampaignPeriod[];
  householdTargetPercent: number;
  /** Household signup deadline per district code, with a default. */
  signupDeadlines: Record<string, string>;
  /** The province's aim for produce sold through the marketplaces, kg per day. */
  dailyKgTarget: number;
  /** Civil servants the campaign asks to take part, province-wide (participation is shown against it). */
  staffHeadcount: number;
  /** The province's instruction the reports answer (Công văn số …), named in every báo cáo's trích yếu. */
  directive: { number: string; issuer: string; subject: string };
  /** The office that collects the agencies' reports and reports to the province (Sở TT&TT), and where documents are dated. */
  provinceOffice: { name: string; parentBody: string; symbol: string; place: string };
  /**
   * Where staff get the extension: the store pages the province published it on (Chrome Web Store, addons.mozilla.org),
   * printed as text on the enrolment slips. Absent: the slips say to look it up by name in those stores.
   */
  extensionLinks?: ExtensionLinks;
}

export interface ExtensionLinks {
  chrome?: string;
  firefox?: string;
}

/** The periods the collector starts with (the province edits them later). */
export type CampaignPeriod = Period;

export const langSon: RegionPack = {
  province: { code: adminUnits.province.code, name: adminUnits.province.name },
  districts: adminUnits.districts,
  agencies,
  marketplaceHosts,
  periods: campaign.periods,
  householdTargetPercent: campaign.householdTargetPercent,
  signupDeadlines: campaign.signupDeadlines,
  dailyKgTarget: campaign.dailyKgTarget,
  staffHeadcount: campaign.staffHeadcount,
  directive: campaign.directive,
  provinceOffice: campaign.provinceOffice,
  // Added to campaign.json ("extensionLinks": {"chrome": "https://…", "firefox": "https://…"}) once the stores list it.
  extensionLinks: (campaign as { extensionLinks?: ExtensionLinks }).extensionLinks,
};

/** Region packs that ship with the collector, by the name REGION takes; another province may also be a JSON file. */
export const regionPacks: Record<string, RegionPack> = { 'lang-son': langSon };

/** Every commune of a pack with its district, flattened. */
export function communesOf(pack: RegionPack) {
  return pack.districts.flatMap((d) => d.communes.map((c) => ({ ...c, districtCode: d.code, districtName: d.name })));
}
