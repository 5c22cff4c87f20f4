import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { area } from '../area';
import { staffMeRoutes } from './me';
import { staffOrderPhotoRoutes } from './order-photos';
import { staffOrderRoutes, staffOrderSubmissionRoutes } from './orders';
import { pageReportRoutes } from './page-reports';

/**
 * /api/staff: a civil servant's extension (staff token). Enrolling is public: public/staff-enrol.ts. Sending orders
 * (POST /orders) checks its token itself and comes first: its answer ends the request before the area's check.
 */
export const staffApi = (deps: AppDeps) =>
  new Hono()
    .route('/orders', staffOrderSubmissionRoutes(deps))
    .route(
      '/',
      area(deps.db, ['staff'], [
        ['/me', staffMeRoutes(deps)],
        ['/orders', staffOrderRoutes(deps)],
        ['/orders', staffOrderPhotoRoutes(deps)],
      ]),
    );

/** /api/page-reports: "Báo trang lỗi" from the extension (staff token); the URL predates the /api/staff prefix. */
export const staffPageReportApi = (deps: AppDeps) => area(deps.db, ['staff'], [['/', pageReportRoutes(deps)]]);
