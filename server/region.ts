import { readFileSync } from 'node:fs';
import { langSon, regionPacks, type RegionPack } from '../lib/region';
import { regionPackProblems } from '../lib/region/check';

/**
 * The province this collector serves, from REGION: the name of a pack that ships (`lang-son`, the default) or the
 * path of a pack as a JSON file (the RegionPack shape, lib/region/index.ts). Seeded into an empty database on first
 * start (server/db/seed-region.ts).
 */
export function loadRegion(name: string): RegionPack {
  if (regionPacks[name]) return regionPacks[name];
  if (!name.endsWith('.json')) throw new Error(`Không có gói địa phương "${name}": dùng ${Object.keys(regionPacks).join(', ')} hoặc đường dẫn tới tệp .json.`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(name, 'utf8'));
  } catch (e) {
    throw new Error(`Không đọc được gói địa phương ${name}: ${(e as Error).message}`);
  }
  const problems = regionPackProblems(data);
  if (problems.length) throw new Error(`Gói địa phương ${name} chưa đúng:\n- ${problems.join('\n- ')}`);
  return data as RegionPack;
}

let active: RegionPack = langSon;

/**
 * The pack of this process: set once at start from the configuration (the same in every instance), read by the
 * figures that come from the pack rather than the database (province headcount, targets).
 */
export const activeRegion = () => active;
export function useRegion(pack: RegionPack) {
  active = pack;
}
