import type { AppDeps } from '../../app';
import { area } from '../area';
import { kioskDeviceRoutes } from './devices';
import { kioskHouseholdRoutes } from './households';
import { kioskPhotoRoutes } from './photos';
import { kioskHandoverRoutes } from './handover';
import { kioskProgressRoutes } from './progress';

/**
 * /api/kiosk: commune officers, their enrolled tablets, and the province (every commune); a route narrows to
 * fewer roles with allow(). A tablet enrols without a token: public/kiosk-enrol.ts.
 */
export const kioskApi = (deps: AppDeps) =>
  area(deps.db, ['officer', 'kiosk', 'province'], [
    ['/', kioskDeviceRoutes(deps)],
    ['/', kioskHouseholdRoutes(deps)],
    ['/', kioskPhotoRoutes(deps)],
    ['/', kioskHandoverRoutes(deps)],
    ['/', kioskProgressRoutes(deps)],
  ]);
