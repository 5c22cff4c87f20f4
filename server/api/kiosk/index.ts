import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { area } from '../area';
import { kioskDeviceRoutes } from './devices';
import { kioskHouseholdRoutes, kioskHouseholdSubmissionRoutes } from './households';
import { kioskPhotoRoutes } from './photos';
import { kioskHandoverRoutes } from './handover';
import { kioskProgressRoutes } from './progress';

/**
 * /api/kiosk: commune officers, their enrolled tablets, and the province (every commune); a route narrows to
 * fewer roles with allow(). A tablet enrols without a token: public/kiosk-enrol.ts. A tablet's batch of households
 * (POST /households) checks its token itself and comes first: its answer ends the request before the area's check.
 */
export const kioskApi = (deps: AppDeps) =>
  new Hono().route('/', kioskHouseholdSubmissionRoutes(deps)).route(
    '/',
    area(deps.db, ['officer', 'kiosk', 'province'], [
      ['/', kioskDeviceRoutes(deps)],
      ['/', kioskHouseholdRoutes(deps)],
      ['/', kioskPhotoRoutes(deps)],
      ['/', kioskHandoverRoutes(deps)],
      ['/', kioskProgressRoutes(deps)],
    ]),
  );
