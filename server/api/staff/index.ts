import type { AppDeps } from '../../app';
import { area } from '../area';
import { staffMeRoutes } from './me';
import { staffOrderRoutes } from './orders';
import { pageReportRoutes } from './page-reports';

/** /api/staff: a civil servant's extension (staff token). Enrolling is public: public/staff-enrol.ts. */
export const staffApi = (deps: AppDeps) =>
  area(deps.db, ['staff'], [
    ['/me', staffMeRoutes(deps)],
    ['/orders', staffOrderRoutes(deps)],
  ]);

/** /api/page-reports: "Báo trang lỗi" from the extension (staff token); the URL predates the /api/staff prefix. */
export const staffPageReportApi = (deps: AppDeps) => area(deps.db, ['staff'], [['/', pageReportRoutes(deps)]]);
