// The registry of verified shops as the extension keeps it, against a real collector: stored one entry per shop,
// fetched again only when a day old or asked (then 304 when unchanged), a shop leaving the registry leaves storage,
// and a collector answering 502 keeps the copy the extension has.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import { startCollector } from '../../server/collector';
import { readConfig } from '../../server/config';
import { createAgricultureUser } from '../../server/testing/seed';
import { startFailingProxy } from '../../tests/e2e/failing-proxy';
import { enrolKiosk, household } from '../../tests/unit/robustness/people';
import type { Hono } from 'hono';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));
const { refreshRegistry } = await import('./registry');
const { setCollectorUrl } = await import('./settings');

const local = () => fakeBrowser.storage.local.get(null) as Promise<Record<string, unknown>>;

describe('the registry in extension storage', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let dataDir: string;
  let url: string;
  let proxy: Awaited<ReturnType<typeof startFailingProxy>>;
  let agri: string;
  let ocopClaim: string;
  const decide = (id: string, body: unknown) =>
    fetch(`${url}/api/agriculture/claims/${id}/decision`, { method: 'POST', headers: { Authorization: `Bearer ${agri}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'nongsan-registry-'));
    collector = await startCollector({ ...readConfig({}), port: 0, dataDir, databaseUrl: null });
    url = `http://localhost:${collector.port}`;
    const api = { db: collector.db, app: { request: (path: string, init?: RequestInit) => fetch(url + path, init) } as unknown as Hono };
    const kiosk = await enrolKiosk(api, ['06181']);
    const sent = await fetch(`${url}/api/kiosk/households`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${kiosk.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ households: [household({ ocopStars: 4 })] }),
    });
    const [{ serverId }] = ((await sent.json()) as { results: { serverId: string }[] }).results;
    // The hand-over wrote the shop link on voso's main host; the page links it on langson's: the same shop.
    await collector.db.updateTable('households').set({ shop_url: 'https://voso.vn/htx-nong-nghiep-chi-lang-s41235' }).where('id', '=', serverId).execute();
    agri = (await createAgricultureUser(collector.db)).token;
    ocopClaim = (await collector.db.selectFrom('household_claims').select('id').where('household_id', '=', serverId).executeTakeFirstOrThrow()).id;
    expect((await decide(ocopClaim, { decision: 'verified', stars: 4 })).status).toBe(200);
    proxy = await startFailingProxy(url, false);
    await setCollectorUrl(proxy.url);
  });
  afterAll(async () => {
    await proxy.close();
    await collector.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores one entry per shop under the key the product page reads, and the list of keys', async () => {
    expect(await refreshRegistry(new Date('2026-12-01T01:00:00Z'))).toBe('Đã tải danh sách hộ sản xuất (1 cửa hàng).');
    const stored = await local();
    expect(stored['registry:voso:41235']).toEqual({ commune: 'Xã Nhạc Kỳ', district: 'Huyện Văn Lãng', claims: [{ kind: 'ocop', stars: 4, expiresOn: null }] });
    expect(stored.registry).toMatchObject({ collectorUrl: proxy.url, fetchedAt: '2026-12-01T01:00:00.000Z', keys: ['registry:voso:41235'] });
  });

  it('asks at most once a day; asked again, the ETag answers 304 and nothing is downloaded', async () => {
    proxy.state.failing = true;
    expect(await refreshRegistry(new Date('2026-12-01T20:00:00Z'))).toBe('Danh sách hộ sản xuất đã cập nhật trong ngày.');
    expect(proxy.state.refused).toBe(0);
    proxy.state.failing = false;
    expect(await refreshRegistry(new Date('2026-12-01T21:00:00Z'), true)).toBe('Danh sách hộ sản xuất không đổi.');
    expect((await local()).registry).toMatchObject({ fetchedAt: '2026-12-01T21:00:00.000Z', keys: ['registry:voso:41235'] });
  });

  it('keeps the copy it has while the collector answers 502', async () => {
    proxy.state.failing = true;
    const said = await refreshRegistry(new Date('2026-12-03T01:00:00Z'));
    expect(said).toMatch(/^Chưa tải được danh sách hộ sản xuất, vẫn dùng bản đang có: /);
    expect(proxy.state.refused).toBe(1);
    expect((await local())['registry:voso:41235']).toEqual({ commune: 'Xã Nhạc Kỳ', district: 'Huyện Văn Lãng', claims: [{ kind: 'ocop', stars: 4, expiresOn: null }] });
    proxy.state.failing = false;
  });

  it('drops a shop whose last verified claim was refused', async () => {
    expect((await decide(ocopClaim, { decision: 'refused', reason: 'Sản phẩm không còn hạng OCOP' })).status).toBe(200);
    expect(await refreshRegistry(new Date('2026-12-04T01:00:00Z'))).toBe('Đã tải danh sách hộ sản xuất (0 cửa hàng).');
    const stored = await local();
    expect(stored['registry:voso:41235']).toBeUndefined();
    expect(stored.registry).toMatchObject({ keys: [] });
  });
});
