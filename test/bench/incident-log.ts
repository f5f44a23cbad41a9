import type { EventData, ExpectedRevision } from '@app/event-store';
import { decideIncident } from '../../libs/incidents/src/domain/incident.decider';
import { incidentStreamId } from '../../libs/incidents/src/domain/incident.events';
import {
  evolveIncident,
  initialIncidentState,
  type IncidentState,
} from '../../libs/incidents/src/domain/incident.state';
import { toEventData } from '../../libs/incidents/src/infrastructure/incident-event.codec';
import { SCENARIOS } from './incident-scenarios';
import { type IncidentIds, isExisting, type Scenario, type ScenarioStep } from './scenario-step';

/** One append of the seeded log: what one command decided, as the incident repository appends it. */
export interface LogAppend {
  readonly streamId: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly EventData[];
}

export interface IncidentLogOptions {
  /** Events in the log, exactly. */
  readonly events: number;
  /** Incidents open at once; each round takes the next command of `perRound` of them in turn. */
  readonly openIncidents: number;
  readonly perRound: number;
}

const START = Date.parse('2026-01-05T07:00:00.000Z');
/** Log time between rounds: about a year for a million events at the defaults. */
const ROUND_MS = 20_000;

const uuid = (kind: number, n: number): string =>
  `01900000-0000-7000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

const idsOf = (n: number): IncidentIds => ({
  n,
  incidentId: uuid(0x1, n),
  escalationIds: [uuid(0x2, n), uuid(0x3, n)],
  commentIds: [uuid(0x4, n), uuid(0x5, n)],
  evidenceId: uuid(0x6, n),
});

/** One incident on its way through its scenario. */
class IncidentRun {
  private state: IncidentState = initialIncidentState;
  private version = 0;
  private next = 0;
  private lastAt = 0;
  readonly ids: IncidentIds;
  private readonly scenario: Scenario | undefined;

  constructor(n: number) {
    this.ids = idsOf(n);
    this.scenario = SCENARIOS[n % SCENARIOS.length] ?? SCENARIOS[0];
  }

  get done(): boolean {
    return this.scenario === undefined || this.next > this.scenario.steps.length;
  }

  /** Decides the next command and returns its append; the scenario's times never run backwards. */
  decideNext(roundAt: number, eventNumber: () => number): LogAppend {
    const scenario = this.scenario;
    if (scenario === undefined) throw new Error('no scenarios');
    const now = new Date(Math.max(roundAt, this.lastAt + 60_000));
    let step: ScenarioStep;
    if (this.next === 0) step = scenario.report(this.ids, now);
    else {
      const stepOf = scenario.steps[this.next - 1];
      if (!stepOf || !isExisting(this.state)) throw new Error(`scenario ${scenario.name} ran past its end`);
      step = stepOf(this.ids, this.state, now);
    }
    const decided = decideIncident(step.command, this.state);
    if (decided.length === 0) {
      throw new Error(
        `scenario ${scenario.name}: ${step.command.type} decided nothing for incident ${this.ids.n}`,
      );
    }
    const occurredAt = step.at.toISOString();
    const correlationId = uuid(0x7, this.ids.n * 16 + this.next);
    const events = decided.map((event) =>
      toEventData(event, {
        eventId: uuid(0xe, eventNumber()),
        correlationId,
        causationId: correlationId,
        actor: step.actor,
        occurredAt,
      }),
    );
    const append: LogAppend = {
      streamId: incidentStreamId(this.ids.incidentId),
      expectedRevision: this.version === 0 ? 'no_stream' : BigInt(this.version - 1),
      events,
    };
    this.state = decided.reduce(evolveIncident, this.state);
    this.version += decided.length;
    this.lastAt = step.at.getTime();
    this.next += 1;
    return append;
  }
}

/**
 * The seeded log in rounds of appends to distinct streams (so a round may be appended concurrently),
 * exactly `events` events long. Every command goes through the real deciders. Incidents are
 * interleaved as in a busy centre: with 2,000 open and 500 per round, an incident's next event comes
 * about 2,000 events after its previous one (the repository's synthetic log spaces them 1,440 apart),
 * so a rebuild batch holds a few events of each incident and continues most from earlier batches.
 */
export function* incidentLogRounds(options: IncidentLogOptions): Generator<LogAppend[]> {
  let incidents = 0;
  let written = 0;
  const eventNumber = (): number => written++;
  const open: IncidentRun[] = Array.from(
    { length: options.openIncidents },
    () => new IncidentRun(incidents++),
  );
  let cursor = 0;
  let round = 0;
  while (written < options.events) {
    const at = START + round * ROUND_MS;
    round += 1;
    const appends: LogAppend[] = [];
    for (let k = 0; k < options.perRound && written < options.events; k += 1) {
      const slot = cursor;
      cursor = (cursor + 1) % open.length;
      let run = open[slot] ?? new IncidentRun(incidents++);
      if (run.done) run = new IncidentRun(incidents++);
      const before = written;
      let append = run.decideNext(at, eventNumber);
      if (written > options.events) {
        // The last events must not overshoot: end this incident here, start a new one (one event).
        written = before;
        run = new IncidentRun(incidents++);
        append = run.decideNext(at, eventNumber);
      }
      open[slot] = run;
      appends.push(append);
    }
    yield appends;
  }
}
