/**
 * Progress from every channel (province: every district; district: its own). Routes:
 *   GET /api/channels/progress [?district=178] → {targetPercent, today, communes:[CommuneProgress], districts:[DistrictProgress]}
 *       404.60 no such district; 403.60 another district's (district account)
 *   GET /api/channels/phases → {phases:[{id, name, startsOn, deadline, districtCodes}]}
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import type { AuthEnv } from '../../auth/require-role';
import { query } from '../../validate';
import { districtScope } from '../../channels/scope';
import { channelProgress, loadPhases } from '../../channels/progress';
import { progressQuery } from '../../../lib/api/channels';
import { vietnamToday } from '../../../lib/periods';

export function channelProgressRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/progress', query(progressQuery), async (c) => {
    const { communes } = await districtScope(db, c.get('principal'), c.req.valid('query').district);
    const today = vietnamToday();
    return c.json({ ...(await channelProgress(db, communes, today)), today });
  });

  r.get('/phases', async (c) => c.json({ phases: await loadPhases(db) }));

  return r;
}
