import { DnsccServer } from './support/dnscc-server';
import type { GraphqlClient } from './support/graphql-client';
import { RedisTestServer } from './support/redis-server';
import {
  breachedClocks,
  breachesByDeadline,
  countingClocks,
  countOf,
  escalate,
  type Parties,
  remindersByDeadline,
  reportRouted,
  setUpParties,
  sleep,
  sleepPast,
  slaEnv,
  startSlaServer,
  waitForIncident,
} from './support/sla-fixture';
import { readIncident, type SlaIncident } from './support/sla-operations';
import { WorkerProcess } from './support/worker-process';

/**
 * Timers live in Redis, the truth in the event log: losing Redis's data, or the worker, must not
 * lose a breach nor double one. Every party has 3 s to acknowledge and 5 s to act, so a registrar's
 * silence climbs to the registry, then to the centre, whose action clock breaches last (no one after).
 */
const POLICY = { default: { acknowledgeWithin: 'PT3S', actWithin: 'PT5S', businessHours: false } };

jest.setTimeout(120_000);

let redis: RedisTestServer | undefined;
let server: DnsccServer | undefined;
let workers: WorkerProcess[] = [];

afterEach(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  workers = [];
  await server?.dispose();
  server = undefined;
  await redis?.stop();
  redis = undefined;
});

/** The whole chain ran out: every clock breached or stopped, and the centre's action clock breached. */
const chainExhausted = (incident: SlaIncident): boolean =>
  incident.escalations.length === 3 &&
  countingClocks(incident).length === 0 &&
  incident.escalations[2]?.clocks.every((c) => c.state === 'BREACHED') === true;

/** Exactly one SlaBreached per deadline, one EscalationSent per level, no reminder issued twice. */
function expectEachTimerOnce(incident: SlaIncident): void {
  const breaches = breachesByDeadline(incident);
  expect([...breaches.entries()].filter(([, n]) => n !== 1)).toEqual([]);
  expect([...breaches.keys()].sort()).toEqual(breachedClocks(incident).sort());
  // Registrar and registry: acknowledgement; the centre: acknowledgement and action.
  expect(breaches.size).toBe(4);
  expect([...remindersByDeadline(incident).entries()].filter(([, n]) => n !== 1)).toEqual([]);
  expect(countOf(incident, 'EscalationSent')).toBe(3);
  expect(countOf(incident, 'EscalatedToNextParty')).toBe(2);
  expect(incident.escalations.map((e) => [e.level, e.party.kind])).toEqual([
    [1, 'REGISTRAR'],
    [2, 'REGISTRY'],
    [3, 'COORDINATION_CENTRE'],
  ]);
}

async function escalateAll(
  coordinator: GraphqlClient,
  parties: Parties,
  domains: string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const domain of domains) {
    const id = await reportRouted(coordinator, domain);
    await escalate(coordinator, id, parties.registrar.id);
    ids.push(id);
  }
  return ids;
}

const reminded = (incident: SlaIncident): boolean => countOf(incident, 'SlaReminderIssued') > 0;
const atLevel = (level: number) => (incident: SlaIncident) => incident.escalations.length >= level;

/** Flushes Redis and waits until a full reconciliation marked it again (the `dnscc:sla:epoch` key). */
async function flushAndAwaitReconciliation(flushed: RedisTestServer): Promise<void> {
  await flushed.flushAll();
  const client = flushed.client();
  try {
    const deadline = Date.now() + 5_000;
    while ((await client.exists('dnscc:sla:epoch')) === 0) {
      if (Date.now() > deadline) throw new Error('no full SLA reconciliation within 5 s of FLUSHALL');
      await sleep(50);
    }
  } finally {
    client.disconnect();
  }
}

describe('Redis loses every timer (FLUSHALL)', () => {
  it('fires every breach after reconciliation, exactly once', async () => {
    redis = await RedisTestServer.start();
    const started = await startSlaServer(POLICY, { REDIS_URL: redis.url });
    server = started.server;
    const { coordinator } = started;
    const parties = await setUpParties(server, coordinator);
    const ids = await escalateAll(coordinator, parties, ['flush-a.com', 'flush-b.com', 'flush-c.com']);

    // Clocks open and their timers in Redis (a reminder fired): flush.
    for (const id of ids) await waitForIncident(coordinator, id, reminded, 'reminded');
    await flushAndAwaitReconciliation(redis);
    // Again once the registry has fresh clocks.
    for (const id of ids) await waitForIncident(coordinator, id, atLevel(2), 'escalated to level 2');
    await flushAndAwaitReconciliation(redis);

    for (const id of ids) {
      const incident = await waitForIncident(coordinator, id, chainExhausted, 'breached to the end', 40_000);
      expectEachTimerOnce(incident);
    }
    // Reconciliation keeps running: nothing is fired again later.
    const done = await Promise.all(ids.map((id) => readIncident(coordinator, id)));
    await sleep(1_500);
    for (const incident of done)
      expect((await readIncident(coordinator, incident.id)).version).toBe(incident.version);
  });
});

describe('the worker process', () => {
  async function startApi(): Promise<{ coordinator: GraphqlClient; env: NodeJS.ProcessEnv }> {
    redis = await RedisTestServer.start();
    const started = await startSlaServer(POLICY, { ROLE: 'api', REDIS_URL: redis.url });
    server = started.server;
    return {
      coordinator: started.coordinator,
      env: { ...slaEnv(server.dataDir, POLICY), REDIS_URL: redis.url },
    };
  }

  it('killed with kill -9 and restarted: one breach per deadline', async () => {
    const { coordinator, env } = await startApi();
    const dataDir = server?.dataDir ?? '';
    workers.push(await WorkerProcess.start(dataDir, env));
    const parties = await setUpParties(server as DnsccServer, coordinator);
    const [id = ''] = await escalateAll(coordinator, parties, ['killed-worker.com']);

    const open = await waitForIncident(coordinator, id, reminded, 'reminded');
    await workers[0]?.kill9();
    // The deadline passes while no worker runs: nothing can record it.
    const ackDue = open.escalations[0]?.clocks[0]?.dueAt ?? '';
    await sleepPast(ackDue, 1_000);
    const whileDown = await readIncident(coordinator, id);
    expect(countOf(whileDown, 'SlaBreached')).toBe(0);

    workers.push(await WorkerProcess.start(dataDir, env));
    const level2 = await waitForIncident(coordinator, id, atLevel(2), 'escalated after the restart');
    expect([...breachesByDeadline(level2).keys()]).toEqual([`L1 ACKNOWLEDGEMENT@${ackDue}`]);
    // And once more while the registry's clocks run.
    await workers[1]?.kill9();
    workers.push(await WorkerProcess.start(dataDir, env));

    expectEachTimerOnce(
      await waitForIncident(coordinator, id, chainExhausted, 'breached to the end', 40_000),
    );
  });

  it('two at once on the same data directory and Redis: one breach per deadline, one request per level', async () => {
    const { coordinator, env } = await startApi();
    const dataDir = server?.dataDir ?? '';
    // Pushed as each starts, so afterEach stops one even if the other fails to start.
    await Promise.all([1, 2].map(async () => workers.push(await WorkerProcess.start(dataDir, env))));
    const parties = await setUpParties(server as DnsccServer, coordinator);
    const ids = await escalateAll(coordinator, parties, [
      'twin-a.com',
      'twin-b.com',
      'twin-c.com',
      'twin-d.com',
    ]);

    for (const id of ids) {
      const incident = await waitForIncident(coordinator, id, chainExhausted, 'breached to the end', 40_000);
      expectEachTimerOnce(incident);
      expect(countOf(incident, 'IncidentRouted')).toBe(1);
    }
    for (const worker of workers) expect(worker.logs).not.toMatch(/"level":(50|60)/);
  });
});
