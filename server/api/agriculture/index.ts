import type { AppDeps } from '../../app';
import { area } from '../area';
import { agricultureClaimRoutes } from './claims';

/** /api/agriculture: Sở NN&PTNT (agriculture token), the quality checks of households' claims. */
export const agricultureApi = (deps: AppDeps) => area(deps.db, ['agriculture'], [['/', agricultureClaimRoutes(deps)]]);
