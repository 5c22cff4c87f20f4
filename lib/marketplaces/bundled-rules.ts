// The rules shipped inside the extension: used until (and whenever) the collector's newer copy is unavailable.
import type { Rules, SiteRules } from './rules';
import voso from './voso/rules.json';
import postmart from './postmart/rules.json';

const sites = [voso, postmart] as unknown as SiteRules[];
const newest = (s: SiteRules[]) => s.map((x) => x.version).sort().at(-1)!;

// Pure, so that a bundle importing this module's neighbours but not these rules (the content script, which has
// their detection part only) leaves them out.
export const bundledRules: Rules = {
  version: /* @__PURE__ */ newest(sites),
  sites,
};
