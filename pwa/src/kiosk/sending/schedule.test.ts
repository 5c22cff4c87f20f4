// When the kiosk tries to send, through its real household store (fake-indexeddb) and sending code, with fetch
// standing in for the network and the collector. The case of tests/e2e/kiosk-interruptions.spec.ts that failed
// once in CI (three requests for one batch): a household queued while the browser was offline, with reachability
// still saying 'reachable', was tried at once and so waited longer than the others after their lost answer.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportAnswer, resetReachability } from '../../../../client/reachability';
import { sampleHousehold } from '../../../../lib/kiosk/sample-household';
import { db } from '../db';
import { saveHousehold } from '../household-records';
import { newOfficerKeys, type OfficerKeys } from '../pin-crypto';
import { sendJustQueued, syncNow } from './schedule';
import type { Sender } from './send-households';

const officerId = 'o1';
const device = { token: 'device-token', id: 'd1', name: 'Máy tính bảng', communes: [], enrolledBy: 'Lý Thị Mai', enrolledAt: '2021-09-01T00:00:00.000Z' };
const [a, b, c] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000c'];
const t0 = 1_700_000_000_000;

/** What the browser says of its network (navigator.onLine). */
let online = true;
/** The clientIds of each POST /api/kiosk/households that reached the collector, in order. */
let posts: string[][] = [];
/** Whether the collector's answer to the next POST is lost on the way back (stored, but no answer). */
let loseNextAnswer = false;

function network(url: string, init: RequestInit = {}): Promise<Response> {
  // Offline, nothing leaves the tablet.
  if (!online) return Promise.reject(new TypeError('Failed to fetch'));
  if (init.method === 'POST' && url === '/api/kiosk/households') {
    const ids = (JSON.parse(String(init.body)) as { households: { clientId: string }[] }).households.map((h) => h.clientId);
    posts.push(ids);
    if (loseNextAnswer) {
      loseNextAnswer = false;
      return Promise.reject(new TypeError('Failed to fetch'));
    }
    return Promise.resolve(Response.json({ results: ids.map((clientId) => ({ clientId, status: 'accepted', serverId: `S-${clientId.slice(-1)}` })) }));
  }
  if (url.startsWith('/api/kiosk/households?since=')) return Promise.resolve(Response.json({ households: [], cursor: 'c1', leadingAccounts: [] }));
  return Promise.reject(new Error(`unexpected request ${init.method ?? 'GET'} ${url}`));
}

describe('sending a household just queued', () => {
  let keys: OfficerKeys;
  let sender: Sender;
  const queue = (clientId: string) => saveHousehold(keys, officerId, sampleHousehold({ clientId, headName: `Hộ ${clientId.slice(-1)}` }), { state: 'queued', attempts: 0, nextAttemptAt: 0 });
  const attempts = async (clientId: string) => (await db.households.get(clientId))!.attempts;

  beforeEach(async () => {
    await db.households.clear();
    ({ keys } = await newOfficerKeys(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])));
    sender = { device, keys, officerId };
    online = true;
    posts = [];
    loseNextAnswer = false;
    resetReachability();
    vi.stubGlobal('fetch', network);
    vi.stubGlobal('navigator', { get onLine() { return online; } });
    // Date only: fake-indexeddb runs on the real timers.
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('is sent at once when the browser is online and the collector answers', async () => {
    reportAnswer();
    await queue(a);
    await sendJustQueued(sender, a);
    expect(posts).toEqual([[a]]);
    expect((await db.households.get(a))!.state).toBe('sent');
  });

  it('is not tried while the browser is offline, though the last answer said reachable; the retry after a lost answer sends the whole batch in one request', async () => {
    // An answer handled just after the browser's "offline" event: reachability still says 'reachable'.
    reportAnswer();
    online = false;
    for (const id of [a, b, c]) {
      await queue(id);
      await sendJustQueued(sender, id);
    }
    expect([await attempts(a), await attempts(b), await attempts(c)]).toEqual([0, 0, 0]);

    // Back online: the collector stores the batch but its answer is lost; all three wait 1 s.
    online = true;
    loseNextAnswer = true;
    await syncNow(sender);
    expect([await attempts(a), await attempts(b), await attempts(c)]).toEqual([1, 1, 1]);
    vi.setSystemTime(t0 + 1000);
    await syncNow(sender);
    expect(posts).toEqual([[a, b, c], [a, b, c]]);
    expect((await db.households.where('[officerId+state]').equals([officerId, 'sent']).primaryKeys()).sort()).toEqual([a, b, c]);
  });
});
