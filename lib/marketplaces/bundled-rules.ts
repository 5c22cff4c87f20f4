// The rules shipped inside the extension: used until (and whenever) the collector's newer copy is unavailable.
import type { Rules, SiteRules } from './rules';
import voso from './voso/rules.json';
import postmart from './postmart/rules.json';

const sites = [voso, postmart] as unknown as SiteRules[];

export const bundledRules: Rules = {
  version: sites.map((s) => s.version).sort().at(-1)!,
  sites,
};
