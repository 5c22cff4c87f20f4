import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../app';
import type { Db } from '../db';

/** Every call the app answers, as "METHOD /path" (Hono's route table; middleware rows are method ALL). */
function routeTable() {
  // The route table is built without touching the database.
  const app = createApp({ db: {} as Db, dbKind: 'sqlite', startedAt: new Date() });
  return new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
}

/** Every call docs/api.md documents: a table row starting with `METHOD /api/...` (query shown apart from the path). */
function documented() {
  const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
  const calls = [...doc.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) (\/api\/[^`\s?]*)/gm)].map((m) => `${m[1]} ${m[2]}`);
  return { calls, set: new Set(calls) };
}

describe('docs/api.md and the route table', () => {
  it('documents every route the collector answers, and no route it does not', () => {
    const routes = routeTable();
    const { calls, set } = documented();
    expect([...routes].filter((r) => !set.has(r))).toEqual([]);
    expect(calls.filter((c) => !routes.has(c))).toEqual([]);
    expect(calls).toHaveLength(set.size);
  });

  it('mounts every role area at its own prefix, with its token check once at the mount', () => {
    const app = createApp({ db: {} as Db, dbKind: 'sqlite', startedAt: new Date() });
    // '/api/*' and '/*': the app-wide middlewares (CORS, body limit, security headers), not areas.
    const mounts = app.routes.filter((r) => r.method === 'ALL' && !['/api/*', '/*'].includes(r.path)).map((r) => r.path);
    expect(mounts).toEqual(['/api/staff/*', '/api/page-reports/*', '/api/kiosk/*', '/api/agency/*', '/api/province/*', '/api/agriculture/*', '/api/channels/*']);
  });
});
