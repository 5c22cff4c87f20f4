import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { problemBody, problems } from '../lib/api/problems';
import type { Db, DbKind } from './db';
import { Problem } from './problem';
import { authRoutes } from './routes/auth';
import { kioskEnrolRoutes } from './routes/kiosk-enrol';
import { kioskHouseholdRoutes } from './routes/kiosk-households';
import { kioskPhotoRoutes } from './routes/kiosk-photos';
import { kioskHandoverRoutes } from './routes/kiosk-handover';
import { kioskProgressRoutes } from './routes/kiosk-progress';
import { staffEnrolRoutes } from './routes/staff-enrol';
import { staffOrderRoutes } from './routes/staff-orders';
import { rulesRoutes } from './routes/rules';
import { pageReportRoutes } from './routes/staff-page-reports';
import { agencyCodeRoutes } from './routes/agency-codes';
import { agencyParticipantRoutes } from './routes/agency-participants';
import { agencyReportRoutes } from './routes/agency-reports';
import { provinceAgencyRoutes } from './routes/province-agencies';
import { provinceUserRoutes } from './routes/province-users';
import { periodRoutes } from './routes/province-periods';
import { provinceRollupRoutes } from './routes/province-rollup';
import { provinceInsightRoutes } from './routes/province-insights';
import { provinceRegionRoutes } from './routes/province-region';
import { agencyItemReviewRoutes } from './routes/agency-item-review';
import { agencyReportDocumentRoutes } from './routes/agency-report-documents';
import { provinceReportRoutes } from './routes/province-reports';
import { provincePeriodLimitRoutes } from './routes/province-period-limits';

export interface AppDeps {
  db: Db;
  dbKind: DbKind;
  startedAt: Date;
}

export function createApp(deps: AppDeps) {
  const app = new Hono();
  // The extension (chrome-extension:// origin) and PWA call the API; tokens travel in headers, not cookies.
  app.use('/api/*', cors({ origin: (o) => o ?? '*', allowHeaders: ['Content-Type', 'Authorization'], maxAge: 86400 }));
  app.use(
    '/api/*',
    bodyLimit({ maxSize: 2 * 1024 * 1024, onError: (c) => c.json(problemBody('413.1'), 413) }),
  );

  app.get('/api/health', async (c) => {
    return c.json({ status: 'ok', database: deps.dbKind, uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000) });
  });

  // Each area registers its routes here.
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/kiosk', kioskEnrolRoutes(deps));
  app.route('/api/kiosk', kioskHouseholdRoutes(deps));
  app.route('/api/kiosk', kioskPhotoRoutes(deps));
  app.route('/api/kiosk', kioskHandoverRoutes(deps));
  app.route('/api/kiosk', kioskProgressRoutes(deps));
  app.route('/api', staffEnrolRoutes(deps));
  app.route('/api/staff/orders', staffOrderRoutes(deps));
  app.route('/api', rulesRoutes(deps));
  app.route('/api', pageReportRoutes(deps));
  app.route('/api/agency/enrolment-codes', agencyCodeRoutes(deps));
  app.route('/api/agency', agencyParticipantRoutes(deps));
  app.route('/api/agency', agencyReportRoutes(deps));
  app.route('/api/province/agencies', provinceAgencyRoutes(deps));
  app.route('/api/province/users', provinceUserRoutes(deps));
  app.route('/api', periodRoutes(deps));
  app.route('/api/province/rollup', provinceRollupRoutes(deps));
  app.route('/api/province', provinceInsightRoutes(deps));
  app.route('/api/province', provinceRegionRoutes(deps));
  app.route('/api/agency', agencyItemReviewRoutes(deps));
  app.route('/api/agency', agencyReportDocumentRoutes(deps));
  app.route('/api/province/reports', provinceReportRoutes(deps));
  app.route('/api/province', provincePeriodLimitRoutes(deps));

  app.notFound((c) => c.json(problemBody('404.1'), 404));
  app.onError((err, c) => {
    if (err instanceof Problem) return c.json(problemBody(err.code, err.extra), problems[err.code].status as ContentfulStatusCode);
    if (err instanceof HTTPException) return err.getResponse();
    console.error(err);
    return c.json(problemBody('500.1'), 500);
  });
  return app;
}
