import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import type { AuthEnv } from '../../auth/require-role';
import { communesInScope } from '../../kiosk/scope';
import { activeRegion } from '../../region';
import { channelProgress } from '../../channels/progress';

/**
 * GET /api/kiosk/progress [?district=178] (officer: own communes; kiosk: its communes; province: all)
 *   → {targetPercent, communes:[CommuneProgress]}: households toward "50% of households with a shop and a payment
 *   account", from every channel (kiosk, Bưu điện, Viettel Post; server/channels/progress.ts), each household once.
 */
export function kioskProgressRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/progress', async (c) => {
    const scope = await communesInScope(db, c.get('principal'));
    // The active region pack's target (REGION), not a shipped pack's.
    if (scope !== 'all' && !scope.length) return c.json({ targetPercent: activeRegion().householdTargetPercent, communes: [] });
    const { targetPercent, communes } = await channelProgress(db, scope);
    const district = c.req.query('district');
    return c.json({ targetPercent, communes: district ? communes.filter((cm) => cm.districtCode === district) : communes });
  });

  return r;
}
