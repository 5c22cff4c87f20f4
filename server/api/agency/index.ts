import type { AppDeps } from '../../app';
import { area } from '../area';
import { agencyCodeRoutes } from './enrolment-codes';
import { agencyOrderPhotoRoutes } from './order-photos';
import { agencyParticipantRoutes } from './participants';
import { agencyReportRoutes } from './reports';
import { agencyItemReviewRoutes } from './item-review';
import { agencyHeadcountRoutes } from './headcount';
import { agencyUnitRoutes } from './units';

/** /api/agency: an agency's focal point (agency token; only its own agency). */
export const agencyApi = (deps: AppDeps) =>
  area(deps.db, ['agency'], [
    ['/enrolment-codes', agencyCodeRoutes(deps)],
    ['/orders', agencyOrderPhotoRoutes(deps)],
    ['/', agencyParticipantRoutes(deps)],
    ['/', agencyReportRoutes(deps)],
    ['/review', agencyItemReviewRoutes(deps)],
    ['/headcount', agencyHeadcountRoutes(deps)],
    ['/units', agencyUnitRoutes(deps)],
  ]);
