import type { SlaClock } from '../../libs/incidents/src/domain/sla/sla.vocabulary';
import type { SlaTimer } from '../../libs/incidents/src/sla/sla-timers';
import type { SlaBenchConfig } from './sla-config';

export type TimerSet = 'spread' | 'burst';

/** One timer of the run, relative to the moment its side starts scheduling (t0). */
export interface PlannedTimer {
  readonly set: TimerSet;
  /** When it falls due, in ms after t0. */
  readonly fireOffsetMs: number;
  /** The clock's deadline, in ms after t0: later than the fire time for a reminder. */
  readonly dueOffsetMs: number;
  readonly incidentId: string;
  readonly escalationId: string;
  readonly clock: SlaClock;
  readonly kind: 'reminder' | 'breach';
  readonly fraction: number | null;
}

/** A reminder at three quarters of a clock leaves a quarter of, say, a one-hour clock to run. */
const REMINDER_TO_DEADLINE_MS = 15 * 60_000;

/** mulberry32: a small seeded generator, so both sides (and reruns) get the same deadlines and ids. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped UUID from the generator: the ids the application stores are UUIDs of this length. */
function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * The spread set (uniform over the window after the lead time), then the burst set (uniform within
 * one second). Two in three timers are reminders, one in three a breach, on either clock.
 */
export function planTimers(config: SlaBenchConfig): PlannedTimer[] {
  const random = generator(config.seed);
  const windowMs = config.minutes * 60_000;
  const timers: PlannedTimer[] = [];
  const add = (set: TimerSet, fireOffsetMs: number, n: number): void => {
    const kind = n % 3 === 2 ? 'breach' : 'reminder';
    timers.push({
      set,
      fireOffsetMs,
      dueOffsetMs: kind === 'breach' ? fireOffsetMs : fireOffsetMs + REMINDER_TO_DEADLINE_MS,
      incidentId: uuid(random),
      escalationId: uuid(random),
      clock: n % 2 === 0 ? 'ACKNOWLEDGEMENT' : 'ACTION',
      kind,
      fraction: kind === 'breach' ? null : 0.75,
    });
  };
  for (let n = 0; n < config.clocks; n += 1) {
    add('spread', Math.round(config.leadS * 1000 + random() * windowMs), n);
  }
  for (let n = 0; n < config.burst; n += 1) {
    add('burst', Math.round(config.burstAtS * 1000 + random() * 999), n);
  }
  return timers;
}

/** The timer as the application holds it, for a side that started scheduling at `t0` (epoch ms). */
export function toSlaTimer(timer: PlannedTimer, t0: number): SlaTimer {
  return {
    incidentId: timer.incidentId,
    escalationId: timer.escalationId,
    clock: timer.clock,
    kind: timer.kind,
    fraction: timer.fraction,
    fireAt: new Date(t0 + timer.fireOffsetMs).toISOString(),
    dueAt: new Date(t0 + timer.dueOffsetMs).toISOString(),
  };
}
