import { marketplaceHosts, type Marketplace } from '../../lib/marketplaces/hosts';

/**
 * Adapter rules are data the extension reads (hosts, URL patterns, selectors, label patterns), never code:
 * plain JSON of bounded size and depth; every `*pattern*` value must compile as a regular expression and
 * `hosts` may only name the marketplace's own hosts (the extension must never read another site).
 * Returns a Vietnamese reason, or null when the rules are fine.
 */
export function rulesProblem(sites: unknown): string | null {
  if (!isObject(sites)) return 'Trường "sites" phải là một đối tượng { voso, postmart }.';
  const names = Object.keys(sites);
  if (!names.length) return 'Cần quy tắc cho ít nhất một sàn.';
  for (const name of names) {
    if (!Object.values(marketplaceHosts).includes(name as Marketplace)) return `Không có sàn "${name}" (chỉ voso, postmart).`;
    const rules = sites[name];
    if (!isObject(rules)) return `Quy tắc của ${name} phải là một đối tượng.`;
    const problem = checkValue(rules, name, 0) ?? checkHosts(rules.hosts, name as Marketplace);
    if (problem) return problem;
  }
  return null;
}

const maxDepth = 8;
const maxString = 4000;
const maxArray = 500;

function checkValue(v: unknown, at: string, depth: number): string | null {
  if (depth > maxDepth) return `${at}: lồng quá ${maxDepth} tầng.`;
  if (v === null || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : `${at}: số không hợp lệ.`;
  if (typeof v === 'string') return v.length > maxString ? `${at}: chuỗi dài quá ${maxString} ký tự.` : null;
  if (Array.isArray(v)) {
    if (v.length > maxArray) return `${at}: danh sách quá ${maxArray} phần tử.`;
    for (let i = 0; i < v.length; i++) {
      const p = checkValue(v[i], `${at}[${i}]`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (isObject(v)) {
    for (const [key, value] of Object.entries(v)) {
      if (key.length > 100) return `${at}: tên trường dài quá 100 ký tự.`;
      const here = `${at}.${key}`;
      const p = checkValue(value, here, depth + 1) ?? (/pattern/i.test(key) ? checkPatterns(value, here) : null);
      if (p) return p;
    }
    return null;
  }
  return `${at}: kiểu dữ liệu không được phép.`;
}

function checkPatterns(v: unknown, at: string): string | null {
  const list = Array.isArray(v) ? v : [v];
  for (const p of list) {
    if (typeof p !== 'string') continue;
    try {
      new RegExp(p, 'u');
    } catch {
      return `${at}: "${p.slice(0, 60)}" không phải biểu thức chính quy hợp lệ.`;
    }
  }
  return null;
}

function checkHosts(hosts: unknown, site: Marketplace): string | null {
  if (hosts === undefined) return null;
  if (!Array.isArray(hosts) || hosts.some((h) => typeof h !== 'string' || marketplaceHosts[h.toLowerCase()] !== site))
    return `${site}.hosts: chỉ được là tên miền của sàn ${site} (${Object.keys(marketplaceHosts).filter((h) => marketplaceHosts[h] === site).join(', ')}).`;
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
