import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { machineBusyCpuMs } from './cpu-time';
import {
  emptyTally,
  type IntakeOperation,
  intakeRequests,
  type RequestSequence,
  type ResponseTally,
} from './intake-requests';
import { type LatencySummary, summariseLatencies } from './latency-summary';

/** One stretch of load against one mutation: a fixed rate, or as fast as the connections allow. */
export interface PhasePlan {
  readonly operation: IntakeOperation;
  readonly kind: 'warmup' | 'rate' | 'max';
  /** Requests per second over all connections (autocannon `overallRate`); null for unthrottled phases. */
  readonly targetRate: number | null;
  readonly connections: number;
  readonly durationS: number;
  /** Fixed rates only: one autocannon instance per connection, started at evenly spread offsets. */
  readonly staggered: boolean;
}

export interface PhaseResult extends PhasePlan {
  readonly elapsedS: number;
  /** Requests written to the wire (every one a distinct body). */
  readonly sent: number;
  readonly responses: number;
  readonly ok: number;
  /** Successful responses per second, summed over the autocannon instances of the phase. */
  readonly achievedRps: number;
  readonly non2xx: number;
  readonly graphqlErrors: number;
  /** Connection errors and timeouts as autocannon counts them. */
  readonly transportErrors: number;
  readonly errors: number;
  readonly firstFailure: string | null;
  /** Response times of every response, measured from the write of the request. */
  readonly latencyMs: LatencySummary | null;
  /** CPU time over wall time, 100 being one core: the server, this process, and the rest of the machine. */
  readonly cpuPct: {
    readonly server: number | null;
    readonly loadGenerator: number;
    readonly other: number | null;
  };
}

/** What a phase needs to know about the server under test. */
export interface PhaseTarget {
  readonly url: string;
  /** The bearer token every request sends. */
  readonly token: string;
  cpuTimeMs(): number | null;
}

export const describePhase = (plan: PhasePlan): string =>
  plan.kind === 'max'
    ? `max, ${plan.connections} conn`
    : `${plan.targetRate ?? '?'}/s, ${plan.connections} conn`;

interface Shot {
  readonly connections: number;
  readonly overallRate: number | null;
  readonly delayMs: number;
}

/**
 * autocannon's overallRate gives each connection a quota per second, which it sends back to back as
 * soon as each second starts: every connection bursts at once. Staggering one instance per connection
 * over the second spreads those bursts, which is closer to reports arriving independently.
 */
function shotsOf(plan: PhasePlan): Shot[] {
  const rate = plan.targetRate;
  if (rate === null || !plan.staggered) {
    return [{ connections: plan.connections, overallRate: rate, delayMs: 0 }];
  }
  const n = plan.connections;
  return Array.from({ length: n }, (_, i) => ({
    connections: 1,
    overallRate: Math.floor(rate / n) + (i < rate % n ? 1 : 0),
    delayMs: (1000 * i) / n,
  }));
}

interface ShotOutcome {
  readonly tally: ResponseTally;
  readonly elapsedMs: number;
  readonly transportErrors: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function fire(
  target: PhaseTarget,
  plan: PhasePlan,
  shot: Shot,
  sequence: RequestSequence,
  latencies: number[],
  onTick: () => void,
): Promise<ShotOutcome> {
  await sleep(shot.delayMs);
  const tally = emptyTally();
  const startedAt = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${target.url}/graphql`,
        connections: shot.connections,
        pipelining: 1,
        duration: plan.durationS,
        timeout: 10,
        requests: intakeRequests(plan.operation, sequence, tally, target.token),
        // Latencies are taken below: autocannon's histogram keeps whole milliseconds, and its correction for
        // coordinated omission assumes a 1 ms interval whatever the rate. It refuses the flag without a rate.
        ...(shot.overallRate === null
          ? {}
          : { overallRate: shot.overallRate, ignoreCoordinatedOmission: true }),
      },
      (error: unknown, done: autocannon.Result) => {
        if (error === null || error === undefined) {
          resolve(done);
        } else {
          reject(error instanceof Error ? error : new Error(`autocannon failed: ${JSON.stringify(error)}`));
        }
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    instance.on('tick', onTick);
  });
  return { tally, elapsedMs: performance.now() - startedAt, transportErrors: result.errors };
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const round = (value: number): number => Math.round(value);
const cpuPct = (before: number | null, after: number | null, elapsedMs: number): number | null =>
  before === null || after === null ? null : round(((after - before) * 100) / elapsedMs);

/** Runs one phase with autocannon in this process, printing a dot per second of progress. */
export async function runPhase(
  target: PhaseTarget,
  plan: PhasePlan,
  sequence: RequestSequence,
  progress: NodeJS.WritableStream,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  const sentBefore = sequence.count;
  const cpuBefore = { server: target.cpuTimeMs(), machine: machineBusyCpuMs(), own: process.cpuUsage() };
  const startedAt = performance.now();

  const outcomes = await Promise.all(
    shotsOf(plan).map((shot, i) =>
      fire(target, plan, shot, sequence, latencies, () => i === 0 && progress.write('.')),
    ),
  );

  const elapsedMs = performance.now() - startedAt;
  const own = process.cpuUsage(cpuBefore.own);
  const server = cpuPct(cpuBefore.server, target.cpuTimeMs(), elapsedMs);
  const loadGenerator = round((own.user + own.system) / 10 / elapsedMs);
  const machine = cpuPct(cpuBefore.machine, machineBusyCpuMs(), elapsedMs);
  const tallies = outcomes.map((outcome) => outcome.tally);
  const non2xx = sum(tallies.map((t) => t.non2xx));
  const graphqlErrors = sum(tallies.map((t) => t.graphqlErrors));
  const transportErrors = sum(outcomes.map((outcome) => outcome.transportErrors));
  return {
    ...plan,
    elapsedS: Math.round(elapsedMs / 10) / 100,
    sent: sequence.count - sentBefore,
    responses: latencies.length,
    ok: sum(tallies.map((t) => t.ok)),
    achievedRps: round(sum(outcomes.map((outcome) => (outcome.tally.ok * 1000) / outcome.elapsedMs))),
    non2xx,
    graphqlErrors,
    transportErrors,
    errors: non2xx + graphqlErrors + transportErrors,
    firstFailure: tallies.find((t) => t.firstFailure !== null)?.firstFailure ?? null,
    latencyMs: summariseLatencies(latencies),
    cpuPct: {
      server,
      loadGenerator,
      other: machine === null || server === null ? null : Math.max(0, machine - server - loadGenerator),
    },
  };
}
