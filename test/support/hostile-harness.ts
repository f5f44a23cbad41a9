import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import type { DnsccServer } from './dnscc-server';
import { dataOf, describeFailure, type Exchange, violationsOf } from './hostile-oracle';
import type { HostileRequest } from './hostile-request';

/** More requests after a batch (e.g. a retry); returns problems, and `touch`es incidents it changes. */
export type FollowUp = (
  requests: readonly HostileRequest[],
  exchanges: readonly Exchange[],
  harness: HostileHarness,
) => Promise<string[]>;

/** What a rejected request must leave as it was. */
interface Snapshot {
  readonly incidents: number;
  readonly organisations: number;
  readonly head: string;
}

/** After this long without an answer, a request counts as unanswered (the server hangs). */
const REQUEST_TIMEOUT_MS = 10_000;

const COUNTS = '{ incidents { totalCount } organisations { totalCount } }';
const ROUTED = 'query Routed($id: ID!) { incident(id: $id) { domains { name } routing { domain } } }';

/** Seed, replay path and run scale, from the environment so a failure can be replayed exactly. */
export const FUZZ = {
  seed: Number(process.env['HOSTILE_SEED'] ?? 20261127),
  path: process.env['HOSTILE_PATH'],
  scale: Number(process.env['HOSTILE_RUNS_SCALE'] ?? 1),
  /** Exploration: append every problem to this file and go on, instead of failing at the first. */
  collect: process.env['HOSTILE_COLLECT'],
};

/**
 * Sends hostile requests to one real server and checks, for every batch: no 5xx, every error typed,
 * nothing internal shown, and, when every request of the batch was rejected, nothing stored
 * (incident and organisation counts and the event store head unchanged). The worker routes accepted
 * reports asynchronously, so after a batch with an accepted write the harness waits until each
 * incident it touched is routed and the head stands still: the next "before" is then exact.
 */
export class HostileHarness {
  /** Incidents to wait for; also filled by follow-up checks that write. */
  private readonly touched = new Set<string>();
  requestsSent = 0;
  /** Batches checked, and how many had no accepted write (so were checked for "nothing stored"). */
  readonly tally = { batches: 0, refused: 0 };
  /** What each `assert` sent, in order. */
  readonly sent: { requests: number; batches: number; refused: number }[] = [];

  constructor(
    private readonly server: DnsccServer,
    private readonly tokens: { readonly coordinator: string; readonly csirt: string },
  ) {}

  async send(request: HostileRequest): Promise<Exchange> {
    const credentials = request.credentials;
    const authorization =
      'header' in credentials
        ? credentials.header
        : credentials.as === 'none'
          ? undefined
          : `Bearer ${credentials.as === 'csirt' ? this.tokens.csirt : this.tokens.coordinator}`;
    const headers = { ...request.headers, ...(authorization === undefined ? {} : { authorization }) };
    this.requestsSent += 1;
    const exchange = { label: request.label, method: request.method, path: request.path, headers };
    try {
      const response = await fetch(`${this.server.url}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        // A liveness bound, not a performance one: an answer this late means the server is stuck.
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      let json: unknown = undefined;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON: the oracle says whether that is allowed for this answer
      }
      return { ...exchange, body: request.bodyText(), status: response.status, text, json };
    } catch (error) {
      // fetch's errors come from another realm than jest's: read their messages without instanceof.
      const { message, cause } = error as { message?: string; cause?: { message?: string } };
      const reason = `${message ?? ''} ${cause?.message ?? ''}`;
      return {
        ...exchange,
        body: request.bodyText(),
        status: 599,
        text: `no answer: ${reason}`,
        json: undefined,
      };
    }
  }

  /** Sends an operation as the coordinator and returns its data, failing on any error. */
  async data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.server.client(this.tokens.coordinator).request<T>(query, variables);
    if (response.errors.length > 0 || response.data === null) {
      throw new Error(`${query} failed: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  async snapshot(): Promise<Snapshot> {
    const [counts, health] = await Promise.all([
      this.data<{ incidents: { totalCount: number }; organisations: { totalCount: number } }>(COUNTS),
      fetch(`${this.server.url}/health`).then(
        (r) => r.json() as Promise<{ eventStore: { headPosition: string } }>,
      ),
    ]);
    return {
      incidents: counts.incidents.totalCount,
      organisations: counts.organisations.totalCount,
      head: health.eventStore.headPosition,
    };
  }

  /** Marks an incident whose routing the next settle must wait for. */
  touch(incidentId: string): void {
    this.touched.add(incidentId);
  }

  /** Waits until the worker routed every domain of every touched incident and the head stands still. */
  async settle(): Promise<string[]> {
    const problems: string[] = [];
    for (const id of this.touched) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const { incident } = await this.data<{
          incident: { domains: { name: string }[]; routing: { domain: string }[] };
        }>(ROUTED, { id });
        const routed = new Set(incident.routing.map((r) => r.domain));
        const missing = incident.domains.filter((d) => !routed.has(d.name)).map((d) => d.name);
        if (missing.length === 0) break;
        if (Date.now() > deadline) {
          problems.push(
            `incident ${id} was accepted but its domains ${JSON.stringify(missing)} were never routed`,
          );
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    this.touched.clear();
    let head = (await this.snapshot()).head;
    for (let i = 0; i < 100; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const next = (await this.snapshot()).head;
      if (next === head) break;
      head = next;
    }
    return problems;
  }

  /**
   * Sends a batch concurrently and checks it; `followUp` may send more requests (calling `touch`
   * for incidents it changes) and returns further problems. Throws with every problem found.
   */
  async check(requests: readonly HostileRequest[], followUp?: FollowUp): Promise<void> {
    const before = await this.snapshot();
    const exchanges = await Promise.all(requests.map((request) => this.send(request)));
    const problems: string[] = [];
    exchanges.forEach((exchange, i) => {
      const expected = requests[i]?.expect(exchange) ?? [];
      for (const violation of [...violationsOf(exchange), ...expected])
        problems.push(`request ${i}: ${violation}`);
    });
    const accepted = requests.filter((request, i) => {
      const answer = request.writes === null ? null : dataOf(exchanges[i]?.json)?.[request.writes];
      if (answer === null || answer === undefined) return false;
      const incidentId = (answer as { incident?: { id?: unknown } }).incident?.id;
      if (typeof incidentId === 'string') this.touch(incidentId);
      return true;
    });
    this.tally.batches += 1;
    if (accepted.length === 0) {
      this.tally.refused += 1;
      const after = await this.snapshot();
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        problems.push(
          `no request was accepted as a write, yet something was stored: before ${JSON.stringify(before)}, ` +
            `after ${JSON.stringify(after)}`,
        );
      }
    }
    if (followUp) problems.push(...(await followUp(requests, exchanges, this)));
    if (accepted.length > 0 || this.touched.size > 0) problems.push(...(await this.settle()));
    if (problems.length === 0) return;
    if (FUZZ.collect === undefined) throw new Error(describeFailure(problems, exchanges));
    appendFileSync(FUZZ.collect, `${describeFailure(problems, exchanges)}\n----\n`);
  }

  /**
   * Runs `batches` through `check` with the suite's seed, `runs` times (scaled by
   * HOSTILE_RUNS_SCALE), and records in `sent` how many requests and batches that took.
   */
  async assert(
    batches: fc.Arbitrary<readonly HostileRequest[]>,
    runs: number,
    followUp?: FollowUp,
  ): Promise<void> {
    const before = { requests: this.requestsSent, ...this.tally };
    try {
      await fc.assert(
        fc.asyncProperty(batches, (requests) => this.check(requests, followUp)),
        {
          seed: FUZZ.seed,
          numRuns: Math.max(1, Math.round(runs * FUZZ.scale)),
          ...(FUZZ.path === undefined ? {} : { path: FUZZ.path }),
          // Shrinking sends real requests; past this, the smallest counterexample so far is reported.
          plugins: [fc.interruptAfterTimeLimit(90_000)],
        },
      );
    } finally {
      this.sent.push({
        requests: this.requestsSent - before.requests,
        batches: this.tally.batches - before.batches,
        refused: this.tally.refused - before.refused,
      });
    }
  }
}

/** A batch of 1 to `max` requests drawn from `request`, sent concurrently. */
export const batchOf = (
  request: fc.Arbitrary<HostileRequest>,
  max = 3,
): fc.Arbitrary<readonly HostileRequest[]> => fc.array(request, { minLength: 1, maxLength: max });
