/**
 * Sở TT&TT sees and corrects any agency's sub-units (province token). Routes, as the agency's own
 * (server/api/agency/units.ts), for the agency in the URL; an unknown agency is 404.1:
 *   GET    /api/province/agencies/:code/units
 *   POST   /api/province/agencies/:code/units      {name}
 *   PATCH  /api/province/agencies/:code/units/:id  {name?, active?}
 *   DELETE /api/province/agencies/:code/units/:id
 */
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import { unitRoutes } from '../agency/units';

export const provinceAgencyUnitRoutes = (deps: AppDeps) =>
  unitRoutes(deps, async (c) => {
    const agency = await deps.db.selectFrom('agencies').select('code').where('code', '=', c.req.param('code') ?? '').executeTakeFirst();
    if (!agency) throw new Problem('404.1', { field: 'code' });
    return agency.code;
  });
