/**
 * The agency's sub-units (đơn vị trực thuộc) — a district People's Committee's communes and the units it adds
 * (agency token; only its own agency; another agency's unit is 404.1). Routes:
 *   GET    /api/agency/units      → {units:[{id, name, communeCode, active, people}]} communes first (official order), then by name
 *   POST   /api/agency/units      {name} → 201 the unit; 409.20 a unit of that name exists (case and spacing ignored)
 *   PATCH  /api/agency/units/:id  {name?, active?} → the unit; a stopped unit (active false) takes no new codes (409.22)
 *                                 and its codes no longer enrol; its people stay in it
 *   DELETE /api/agency/units/:id  → 204; 409.21 when someone is enrolled in it (stop it instead)
 * The province has the same calls for any agency under /api/province/agencies/:code/units (server/api/province/agency-units.ts).
 */
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../app';
import type { AuthEnv } from '../../auth/require-role';
import { body } from '../../validate';
import { unitCreateRequest, unitPatchRequest } from '../../../lib/api/agency-units';
import { addUnit, changeUnit, deleteUnit, listUnits } from '../../staff/agency-units';

/** The four calls over the units of the agency `agencyOf` names (the caller's own, or the one in the province's URL). */
export function unitRoutes({ db }: AppDeps, agencyOf: (c: Context<AuthEnv>) => Promise<string>) {
  const r = new Hono<AuthEnv>();
  r.get('/', async (c) => c.json({ units: await listUnits(db, await agencyOf(c)) }));
  r.post('/', body(unitCreateRequest), async (c) => c.json(await addUnit(db, await agencyOf(c), c.req.valid('json').name), 201));
  r.patch('/:id', body(unitPatchRequest), async (c) => c.json(await changeUnit(db, await agencyOf(c), c.req.param('id'), c.req.valid('json'))));
  r.delete('/:id', async (c) => {
    await deleteUnit(db, await agencyOf(c), c.req.param('id'));
    return c.body(null, 204);
  });
  return r;
}

export const agencyUnitRoutes = (deps: AppDeps) => unitRoutes(deps, async (c) => c.get('principal').agencyCode!);
