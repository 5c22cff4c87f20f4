import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { problemBody, problems } from '../lib/api/problems';
import type { Db, DbKind } from './db';
import { Problem } from './problem';
import { apiBodyLimit } from './body-limit';
import { apiCors, securityHeaders } from './security-headers';
import { healthRoutes } from './api/public/health';
import { authRoutes } from './api/public/auth';
import { rulesRoutes } from './api/public/rules';
import { periodRoutes } from './api/public/periods';
import { enrolmentCodeRoutes, staffEnrolRoutes } from './api/public/staff-enrol';
import { kioskEnrolRoutes } from './api/public/kiosk-enrol';
import { registryRoutes } from './api/public/registry';
import { staffApi, staffPageReportApi } from './api/staff';
import { kioskApi } from './api/kiosk';
import { agencyApi } from './api/agency';
import { provinceApi } from './api/province';
import { agricultureApi } from './api/agriculture';
import { channelsApi } from './api/channels';

export interface AppDeps {
  db: Db;
  dbKind: DbKind;
  startedAt: Date;
}

export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.use('*', securityHeaders);
  app.use('/api/*', apiCors);
  const limitBody = apiBodyLimit(2 * 1024 * 1024, (c) => c.json(problemBody('413.1'), 413));
  // An operator's list is read as it arrives under its own 32 MB limit (api/channels/operator-lists.ts, 413.61).
  app.use('/api/*', (c, next) => (c.req.method === 'POST' && c.req.path.startsWith('/api/channels/imports/') ? next() : limitBody(c, next)));

  // The API is laid out by URL (server/api/<area>/<resource>.ts). Public calls come first: their answer ends the
  // request before the role check of an area that shares their prefix (/api/staff/enrol, /api/kiosk/enrol).
  app.route('/api/health', healthRoutes(deps));
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/rules', rulesRoutes(deps));
  app.route('/api/periods', periodRoutes(deps));
  app.route('/api/enrolment-codes', enrolmentCodeRoutes(deps));
  app.route('/api/staff/enrol', staffEnrolRoutes(deps));
  app.route('/api/kiosk/enrol', kioskEnrolRoutes(deps));
  app.route('/api/registry', registryRoutes(deps));
  // Role areas: each checks its token once, at its mount.
  app.route('/api/staff', staffApi(deps));
  app.route('/api/page-reports', staffPageReportApi(deps));
  app.route('/api/kiosk', kioskApi(deps));
  app.route('/api/agency', agencyApi(deps));
  app.route('/api/province', provinceApi(deps));
  app.route('/api/agriculture', agricultureApi(deps));
  app.route('/api/channels', channelsApi(deps));

  app.notFound((c) => c.json(problemBody('404.1'), 404));
  app.onError((err, c) => {
    if (err instanceof Problem) return c.json(problemBody(err.code, err.extra), problems[err.code].status as ContentfulStatusCode);
    if (err instanceof HTTPException) return err.getResponse();
    // A malformed %-escape in a path or query a handler decoded (`GET /%E0%A4%A`).
    if (err instanceof URIError) return c.json(problemBody('400.4'), 400);
    // A malformed %-escape in a path or query a handler decoded (`GET /%E0%A4%A`).

    console.error(err);
    return c.json(problemBody('500.1'), 500);
  });
  return app;
}
