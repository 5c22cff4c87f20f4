// "The last day before the deadline", on SQLite and on PostgreSQL, against a real collector process
// (`node --import tsx server/main.ts`) on loopback: 28,385 enrolled staff, and 200 kiosks syncing 50 households each
// at the same time, first alone (`load.<db>.kiosk-burst.*`), then beside 30,000 order submissions kept 200 in flight
// (`load.<db>.orders.*`, `load.<db>.kiosk.*`). Figures: throughput, p50/p95/p99 latency, errors.
// LOAD_SCALE=0.1 (any 0 < s ≤ 1) scales staff, submissions and kiosks down for a quick run; the default is 1.
// What it leaves out, so read its figures as a floor: the load is closed (200 waiting answers at all times, a
// slow collector is sent less), and the bench itself shares the two cores. Its connections are the reverse proxy's:
// kept open between requests, as many as are in flight at the peak once the day's first burst has opened them
// (`proxyIdle` below).
// Scheduling, as docs/deploy.md sets it where PostgreSQL shares the collector's machine: PostgreSQL's processes run
// as SCHED_BATCH, and so does this generator, which stands for browsers and tablets on other machines; the collector
// stays a normal process (`schedule` below; LOAD_SCHED=normal leaves everything normal, for comparison).
import { randomBytes, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { sql } from 'kysely';
import type { Db, DbKind } from '../server/db';
import { hashToken } from '../server/auth/tokens';
import { createCommuneOfficer, sampleOrder } from '../server/testing/seed';
import { kill, startCollector } from '../tests/unit/robustness/collector-process';
import { throwawayDatabase } from '../server/testing/throwaway-database';
import { household } from '../tests/unit/robustness/people';
import { round, type Figures } from './figures';

const scale = Math.min(1, Math.max(0.001, Number(process.env.LOAD_SCALE ?? 1)));
const staffCount = Math.round(28_385 * scale);
const submissions = Math.round(30_000 * scale);
const inFlight = 200;
const kiosks = Math.max(1, Math.round(200 * scale));
const householdsEach = 50;

/** Bearer tokens written straight into the tokens table (hashed, as issueToken does), 500 rows at a time. */
async function mintTokens(db: Db, role: 'staff' | 'kiosk', subjects: { id: string; agencyCode: string | null }[]): Promise<string[]> {
  const tokens = subjects.map(() => randomBytes(32).toString('base64url'));
  const now = new Date().toISOString();
  const expires = new Date(Date.now() + 86400_000).toISOString();
  for (let i = 0; i < subjects.length; i += 500) {
    await db
      .insertInto('tokens')
      .values(subjects.slice(i, i + 500).map((s, j) => ({ token_hash: hashToken(tokens[i + j]), role, subject_id: s.id, agency_code: s.agencyCode, created_at: now, expires_at: expires, revoked_at: null })))
      .execute();
  }
  return tokens;
}

/** Everyone of the province, enrolled: staff spread over the agencies, with their extension tokens. */
async function seedStaff(db: Db): Promise<string[]> {
  const agencies = (await db.selectFrom('agencies').select('code').execute()).map((a) => a.code);
  const now = new Date().toISOString();
  const staff = Array.from({ length: staffCount }, (_, i) => ({ id: randomUUID(), agencyCode: agencies[i % agencies.length] }));
  for (let i = 0; i < staff.length; i += 500) {
    await db
      .insertInto('staff')
      .values(staff.slice(i, i + 500).map((s, j) => ({ id: s.id, agency_code: s.agencyCode, full_name: `Cán bộ số ${i + j + 1}`, installation_id: s.id, enrolment_code: 'LOAD', enrolled_at: now })))
      .execute();
  }
  return mintTokens(db, 'staff', staff);
}

/** One tablet per commune (round robin), enrolled by an officer of all communes. */
async function seedKiosks(db: Db): Promise<{ token: string; commune: string }[]> {
  const communes = (await db.selectFrom('communes').select('code').orderBy('code').execute()).map((c) => c.code);
  const officer = await createCommuneOfficer(db, communes);
  const now = new Date().toISOString();
  const devices = Array.from({ length: kiosks }, (_, i) => ({ id: randomUUID(), agencyCode: null, commune: communes[i % communes.length] }));
  await db.insertInto('kiosk_devices').values(devices.map((d, i) => ({ id: d.id, name: `Máy xã ${i + 1}`, enrolled_by: officer.id, created_at: now }))).execute();
  await db.insertInto('kiosk_device_communes').values(devices.map((d) => ({ device_id: d.id, commune_code: d.commune }))).execute();
  const tokens = await mintTokens(db, 'kiosk', devices);
  return devices.map((d, i) => ({ token: tokens[i], commune: d.commune }));
}

interface Run {
  latencies: number[];
  errors: number;
  ms: number;
}

/** Runs `jobs` with at most `width` in flight; a job throws or returns false on an error. */
async function pool(jobs: (() => Promise<boolean>)[], width: number): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(width, jobs.length) }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const t = performance.now();
        const ok = await job().catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  return { latencies, errors, ms: performance.now() - t0 };
}

/** A kiosk run's rate and latencies, against issue 14's targets (its errors are counted with the stored rows). */
const kioskFigures = (prefix: string, run: Run): Figures => ({
  [`${prefix}.throughput`]: { value: round((kiosks * householdsEach * 1000) / run.ms, 0), unit: 'households/s', target: 1000, better: 'higher' },
  [`${prefix}.p50`]: { value: round(percentile(run.latencies, 50), 0), unit: 'ms', target: 2000, better: 'lower' },
  [`${prefix}.p95`]: { value: round(percentile(run.latencies, 95), 0), unit: 'ms', target: 2000, better: 'lower' },
  [`${prefix}.p99`]: { value: round(percentile(run.latencies, 99), 0), unit: 'ms', target: 2000, better: 'lower' },
});

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : 0;
};

/** What went wrong, said once per kind (status and the start of the answer), so an error in the figures has a cause. */
const failures = new Map<string, number>();
const failed = (what: string) => {
  failures.set(what, (failures.get(what) ?? 0) + 1);
  return false;
};

/**
 * How many connections the reverse proxy keeps open to the collector between requests (deploy/nginx.conf and
 * deploy/Caddyfile: 512, for 60 s): on deadline day, as many as are in flight at the peak, so every request comes on a
 * connection opened before. They are opened after the burst alone, which stands for the day's first peak (its tablets
 * on new connections), and before the orders and tablets together. LOAD_PROXY_IDLE=32 measures the proxies' own
 * default instead (nginx's example had 32, Caddy keeps 32): each request past 32 in flight at once then comes on a new
 * connection, which the collector accepts one per turn of its loop (docs/scale.md, "Connections held by the proxy").
 */
const proxyIdle = Number(process.env.LOAD_PROXY_IDLE ?? inFlight + kiosks);

/**
 * Connections kept open between requests, as many as are in flight. node:http rather than fetch: fetch (undici)
 * cost this generator 1,36 ms of CPU per request on the two cores it shares with the collector and the
 * database, node:http 0,53 ms (`load.<db>.generator-cpu`, LOAD_SCALE=0.2 on PostgreSQL, 02/12/2026).
 */
const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: proxyIdle });
/** Requests sent so far on a connection of their own, opened for them. */
let onNewConnections = 0;

/** `n` requests at once to /api/health: the agent opens a connection for each past those it holds, and keeps them. */
function openConnections(base: string, n: number): Promise<unknown> {
  const opening = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request(new URL('/api/health', base), { agent, headers: fetchHeaders }, (res) => res.resume().on('end', resolve));
      req.on('error', reject);
      req.end();
    });
  return Promise.all(Array.from({ length: n }, opening));
}

/** The headers Node's fetch adds to every request: the collector is sent the same requests as it was with fetch. */
const fetchHeaders = { Accept: '*/*', 'Accept-Language': '*', 'Sec-Fetch-Mode': 'cors', 'User-Agent': 'node', 'Accept-Encoding': 'gzip, deflate' };

/**
 * A request's body, written before the clock starts: the tablets and browsers that build them are other machines, and
 * on these two shared cores the generator's JSON work would be taken from the collector and PostgreSQL.
 */
const body = (value: unknown) => Buffer.from(JSON.stringify(value));

/** POSTs a JSON body with a bearer token; the status and the answer's text. */
function send(url: URL, token: string, payload: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = { ...fetchHeaders, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': payload.length };
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      if (!req.reusedSocket) onNewConnections++;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function post(url: URL, token: string, payload: Buffer, key: 'results'): Promise<boolean> {
  const res = await send(url, token, payload).catch((e: Error) => e);
  if (res instanceof Error) return failed(`${url.pathname}: ${res.message} ${String((res.cause as Error | undefined)?.message ?? '')}`);
  if (res.status !== 200) return failed(`${url.pathname}: ${res.status} ${res.text.slice(0, 160)}`);
  const answer = JSON.parse(res.text) as Record<typeof key, { status: string }[]>;
  const refused = answer[key].filter((r) => r.status !== 'accepted');
  return refused.length ? failed(`${url.pathname}: 200 ${JSON.stringify(refused[0]).slice(0, 160)}`) : true;
}

async function benchOne(kind: DbKind, pgUrl?: string): Promise<Figures> {
  const database = await throwawayDatabase(kind, pgUrl);
  const { db } = await database.open();
  try {
    process.stderr.write(`  ${kind}: seeding ${staffCount} staff, ${kiosks} kiosks…\n`);
    const staffTokens = await seedStaff(db);
    const tablets = await seedKiosks(db);
    // LOAD_CPU_PROFILE=<dir>: the collector writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
    const profile = process.env.LOAD_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_CPU_PROFILE}`] : [];
    const collector = await startCollector(database.env, profile);
    // It was forked by this generator, which may run as SCHED_BATCH: the collector runs as a deployed one does.
    if (batchScheduling) schedule(collector.proc.pid!, 'normal');
    process.stderr.write(`  ${kind}: connections kept open between requests: up to ${proxyIdle}\n`);
    process.stderr.write(`  ${kind}: scheduling: collector ${policyOf(collector.proc.pid!)}, generator ${policyOf(process.pid)}${pgUrl ? `, PostgreSQL ${postgresProcesses(pgUrl).slice(0, 1).map(policyOf)[0] ?? 'not ours'}` : ''}\n`);
    try {
      const ordersUrl = new URL('/api/staff/orders', collector.base);
      const householdsUrl = new URL('/api/kiosk/households', collector.base);
      // Each submission is one person's order (the extension sends as soon as it is reviewed).
      const orderJobs = (n: number) =>
        Array.from({ length: n }, (_, i) => {
          const payload = body({ orders: [sampleOrder()] });
          return () => post(ordersUrl, staffTokens[i % staffTokens.length], payload, 'results');
        });
      // Every household made is sent once: its count is the number the database must hold at the end.
      let serial = 0;
      // Every tablet's batch of households it has not sent before.
      const kioskJobs = (each = householdsEach) =>
        tablets.map((t) => {
          const payload = body({ households: Array.from({ length: each }, () => household({ communeCode: t.commune }, ++serial)) });
          return () => post(householdsUrl, t.token, payload, 'results');
        });
      /** Runs the parts at once; their time and who took the two cores meanwhile. */
      const measured = async <T>(what: string, parts: () => Promise<T>) => {
        process.stderr.write(`  ${kind}: ${what}…\n`);
        const cpuBefore = cpuTimes(collector.proc.pid!);
        const switchesBefore = loopSwitches(collector.proc.pid!);
        const generatorBefore = process.cpuUsage();
        const newBefore = onNewConnections;
        const databaseBefore = databaseCpuSeconds(pgUrl, kind);
        const t0 = performance.now();
        const result = await parts();
        const ms = performance.now() - t0;
        // The collector's own CPU time (user + system), whatever else the machine ran meanwhile.
        const cpuAfter = cpuTimes(collector.proc.pid!);
        const cpu = cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system;
        const switchesAfter = loopSwitches(collector.proc.pid!);
        const switches = { writes: switchesAfter.writes - switchesBefore.writes, preempted: switchesAfter.preempted - switchesBefore.preempted, waited: switchesAfter.waited - switchesBefore.waited };
        // Who else took the two cores meanwhile: this load generator, and PostgreSQL's server processes.
        const generator = process.cpuUsage(generatorBefore);
        const generatorCpu = (generator.user + generator.system) / 1e6;
        const databaseCpu = databaseCpuSeconds(pgUrl, kind) - databaseBefore;
        process.stderr.write(
          `  ${kind}: ${round(ms / 1000, 1)} s; CPU s: collector ${round(cpu, 2)} (user ${round(cpuAfter.user - cpuBefore.user, 2)}, system ${round(cpuAfter.system - cpuBefore.system, 2)}), generator ${round(generatorCpu, 2)}, database ${round(databaseCpu, 2)}; collector's writes ${switches.writes}, its loop preempted ${switches.preempted} times, waited ${switches.waited} times; requests on new connections ${onNewConnections - newBefore}\n`,
        );
        return { result, cpu, generatorCpu, databaseCpu, switches, onNew: onNewConnections - newBefore };
      };
      // Warm first, as on deadline day: the collector has run for weeks (its code compiled, its pool's connections open,
      // their statements prepared) and every tablet has synced before (its token renewed today, its commune's figures
      // stored). Measured cold, the burst cost about a quarter more CPU in the collector and in PostgreSQL
      // (docs/scale.md).
      const warmOrders = Math.min(submissions, 200);
      const [warmOrdersRun, warmKiosksRun] = await Promise.all([pool(orderJobs(warmOrders), 20), pool(kioskJobs(1), 20)]);
      // Issue 14's kiosk target is for the tablets' batches at full scale: all 200 tablets sending at once, alone. The
      // first burst of the day: the proxy holds 40 connections, and most tablets come on new ones.
      const burstJobs = kioskJobs();
      const burstRun = await measured(`${kiosks} kiosks × ${householdsEach} households at once`, () => pool(burstJobs, kiosks));
      const burst = burstRun.result;
      // Deadline day: the proxy holds the connections of the day's peaks (`proxyIdle`).
      await openConnections(collector.base, Math.min(proxyIdle, inFlight + kiosks));
      const mixOrders = orderJobs(submissions);
      const mixJobs = kioskJobs();
      const {
        result: [orders, sync],
        cpu,
        generatorCpu,
        databaseCpu,
        switches,
        onNew,
      } = await measured(`${submissions} submissions (${inFlight} in flight) + ${kiosks} kiosks × ${householdsEach} households`, () => Promise.all([pool(mixOrders, inFlight), pool(mixJobs, kiosks)]));
      for (const [what, n] of failures) process.stderr.write(`  ${kind}: ${n} × ${what}\n`);
      failures.clear();
      const stored = Number((await db.selectFrom('staff_orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const households = Number((await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const bytes = await tableBytes(db, kind);
      const p = `load.${kind}`;
      return {
        // Storage per row, tables with their indexes (docs/scale.md multiplies these by the nation's rows).
        [`${p}.bytes-per-order`]: { value: round((bytes('staff_orders') + bytes('staff_order_items')) / stored, 0), unit: 'B', target: 4096, better: 'lower' },
        [`${p}.bytes-per-household`]: { value: round(bytes('households') / households, 0), unit: 'B', target: 4096, better: 'lower' },
        // Per order and per household together (the run mixes them): what the collector spent, load aside.
        [`${p}.collector-cpu`]: { value: round(cpu, 2), unit: 's', better: 'lower' },
        // Each write to the database's socket (and each answer to a request) wakes another process on the same two
        // cores, which may take the core from the collector's loop there and then (server/db/prepared.ts).
        [`${p}.collector-writes-per-request`]: { value: round(switches.writes / (submissions + kiosks), 2), unit: 'writes per request', better: 'lower' },
        [`${p}.collector-loop-preempted`]: { value: switches.preempted, unit: 'times', better: 'lower' },
        // Requests that came on a connection opened for them, which the collector accepts one per turn of its loop: 0
        // where the proxy keeps enough open (`proxyIdle`); the first burst's are beside the burst's figures.
        [`${p}.requests-on-new-connections`]: { value: onNew, unit: `of ${submissions + kiosks}`, better: 'lower' },
        // The generator shares the cores: what it took from them (the collector's figures are floors by that much).
        [`${p}.generator-cpu`]: { value: round(generatorCpu, 2), unit: 's', better: 'lower' },
        // PostgreSQL's own processes over the run (docs/scale.md sizes the database server by it).
        ...(kind === 'postgres' ? { [`${p}.database-cpu`]: { value: round(databaseCpu, 2), unit: 's', better: 'lower' as const } } : {}),
        [`${p}.orders.throughput`]: { value: round((submissions / orders.ms) * 1000, 0), unit: 'req/s', target: 200, better: 'higher' },
        // Issue 14: p99 ≤ 1 s for orders on both databases (so p50 and p95 too).
        [`${p}.orders.p50`]: { value: round(percentile(orders.latencies, 50), 0), unit: 'ms', target: 1000, better: 'lower' },
        [`${p}.orders.p95`]: { value: round(percentile(orders.latencies, 95), 0), unit: 'ms', target: 1000, better: 'lower' },
        [`${p}.orders.p99`]: { value: round(percentile(orders.latencies, 99), 0), unit: 'ms', target: 1000, better: 'lower' },
        // The slowest, and how many waited over 1 s: a p99 can fall while a few hundred orders wait longer (docs/scale.md,
        // the tablets admitted first).
        [`${p}.orders.slowest`]: { value: round(Math.max(...orders.latencies), 0), unit: 'ms', better: 'lower' },
        [`${p}.orders.over-1-s`]: { value: orders.latencies.filter((ms) => ms > 1000).length, unit: `of ${submissions}`, better: 'lower' },
        [`${p}.orders.errors`]: { value: warmOrdersRun.errors + orders.errors + Math.abs(warmOrders + submissions - stored), unit: 'count', target: 0, better: 'lower' },
        // Issue 14: a batch in one transaction, ≥ 1.000 households/s on PostgreSQL (SQLite has no figure of its own
        // there: the same), p99 ≤ 2 s at full scale. The burst: every tablet's batch at once, nothing else sent.
        ...kioskFigures(`${p}.kiosk-burst`, burst),
        // What the burst alone cost each process: the two cores it needs, whoever else were running.
        [`${p}.kiosk-burst.collector-cpu`]: { value: round(burstRun.cpu, 2), unit: 's', better: 'lower' },
        [`${p}.kiosk-burst.requests-on-new-connections`]: { value: burstRun.onNew, unit: `of ${kiosks}`, better: 'lower' },
        [`${p}.kiosk-burst.generator-cpu`]: { value: round(burstRun.generatorCpu, 2), unit: 's', better: 'lower' },
        ...(kind === 'postgres' ? { [`${p}.kiosk-burst.database-cpu`]: { value: round(burstRun.databaseCpu, 2), unit: 's', better: 'lower' as const } } : {}),
        // The same burst again, beside the 30.000 orders: deadline day.
        ...kioskFigures(`${p}.kiosk`, sync),
        [`${p}.kiosk.errors`]: { value: warmKiosksRun.errors + burst.errors + sync.errors + Math.abs(serial - households), unit: 'count', target: 0, better: 'lower' },
      };
    } finally {
      await kill(collector.proc, 'SIGTERM');
    }
  } finally {
    await db.destroy();
    await database.drop();
  }
}

/** A process's CPU time so far, user and system (Linux /proc: fields 14 and 15, in clock ticks of 1/100 s). */
function cpuTimes(pid: number): { user: number; system: number } {
  const fields = statFields(pid)!;
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

/**
 * The collector's write calls so far (all its threads: /proc/<pid>/io syscw), and how often its main thread, the event
 * loop, was taken off its core while it could run (`preempted`: nonvoluntary_ctxt_switches) or gave it up to wait
 * (`waited`: voluntary).
 */
function loopSwitches(pid: number): { writes: number; preempted: number; waited: number } {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  const status = readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8');
  const field = (text: string, name: string) => Number(new RegExp(`^${name}:\\s*(\\d+)`, 'm').exec(text)![1]);
  return { writes: field(io, 'syscw'), preempted: field(status, 'nonvoluntary_ctxt_switches'), waited: field(status, 'voluntary_ctxt_switches') };
}

/**
 * CPU time so far of the PostgreSQL cluster's processes (the postmaster and its children: the collector's
 * connections are among them for the whole run); 0 on SQLite or a server on another machine.
 */
function databaseCpuSeconds(pgUrl: string | undefined, kind: DbKind): number {
  if (kind !== 'postgres' || !pgUrl) return 0;
  let total = 0;
  for (const pid of postgresProcesses(pgUrl)) {
    const fields = statFields(pid);
    if (fields) total += (Number(fields[11]) + Number(fields[12])) / 100;
  }
  return total;
}

/** Bytes a table takes with its indexes (PostgreSQL: pg_total_relation_size; SQLite: the dbstat pages of it and its indexes). */
async function tableBytes(db: Db, kind: DbKind): Promise<(table: string) => number> {
  const rows =
    kind === 'postgres'
      ? (await sql<{ name: string; bytes: string }>`select relname as name, pg_total_relation_size(oid) as bytes from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`.execute(db)).rows
      : (await sql<{ name: string; bytes: number }>`select m.tbl_name as name, sum(s.pgsize) as bytes from dbstat s join sqlite_master m on m.name = s.name group by m.tbl_name`.execute(db)).rows;
  const by = new Map(rows.map((r) => [r.name, Number(r.bytes)]));
  return (table) => by.get(table) ?? 0;
}

/**
 * Linux scheduling policies, set with util-linux's `chrt` on every thread of a process. A process woken by a write to
 * its socket (a PostgreSQL backend given a statement, this generator given an answer) takes the core from the
 * collector's single-threaded loop there and then, unless it runs as SCHED_BATCH: such a process waits for its turn
 * instead, with the same share of the CPU. Measured on PostgreSQL at full scale (docs/scale.md): the collector's loop
 * taken off its core 26–33 thousand times a run, 7–8 thousand with PostgreSQL and the generator as SCHED_BATCH.
 * Children inherit the policy: PostgreSQL's backends forked later too, and the collector (set back to normal).
 */
const batchScheduling = process.env.LOAD_SCHED !== 'normal';
function schedule(pid: number, policy: 'batch' | 'normal'): boolean {
  return spawnSync('chrt', [policy === 'batch' ? '-b' : '-o', '-a', '-p', '0', String(pid)], { stdio: 'ignore' }).status === 0;
}
/** A process's /proc stat from its third field on (its state), so field N is at N - 3; null once it is gone. */
function statFields(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  } catch {
    return null;
  }
}
/** A process's scheduling policy, from /proc (field 41 of its stat: 3 is SCHED_BATCH, 0 normal). */
function policyOf(pid: number): string {
  const policy = Number(statFields(pid)?.[38]);
  return policy === 3 ? 'SCHED_BATCH' : policy === 0 ? 'normal' : `policy ${policy}`;
}
/** PostgreSQL's postmaster and the processes it has forked so far (0 entries when it is not a local cluster of ours). */
function postgresProcesses(pgUrl: string): number[] {
  const pidFile = `/tmp/nongsan-so-pg-${new URL(pgUrl).port}/postmaster.pid`;
  if (!existsSync(pidFile)) return [];
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  // Field 4 of a process's stat is its parent.
  const children = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && Number(statFields(Number(entry))?.[1]) === postmaster);
  return [postmaster, ...children.map(Number)];
}

/** LOAD_DATABASES=sqlite (or postgres) runs one of the two; both by default. */
const databases = (process.env.LOAD_DATABASES ?? 'sqlite,postgres').split(',');

export async function run(): Promise<Figures> {
  if (batchScheduling && !schedule(process.pid, 'batch')) process.stderr.write('  load: chrt could not make the generator SCHED_BATCH: it runs as a normal process\n');
  try {
    const sqlite = databases.includes('sqlite') ? await benchOne('sqlite') : {};
    if (!databases.includes('postgres')) return sqlite;
    const tools = (await import('../scripts/ensure-tools.mjs' as string)) as { ensurePostgres(): { url: string; stop(): void } };
    const server = tools.ensurePostgres();
    try {
      if (batchScheduling) {
        const processes = postgresProcesses(server.url);
        const set = processes.filter((pid) => schedule(pid, 'batch'));
        if (!processes.length || set.length < processes.length) process.stderr.write(`  load: PostgreSQL's processes made SCHED_BATCH: ${set.length} of ${processes.length} (another server, or no chrt): they run as they are\n`);
      }
      return { ...sqlite, ...(await benchOne('postgres', server.url)) };
    } finally {
      server.stop();
    }
  } finally {
    // The benches after this one (npm run bench runs them all in this process) are measured as before.
    if (batchScheduling) schedule(process.pid, 'normal');
  }
}
