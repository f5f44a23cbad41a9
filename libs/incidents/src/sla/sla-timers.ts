/**
 * The one timer a running clock needs next: its earliest pending reminder, else its deadline. Only
 * one timer per clock is ever in Redis; when it fires, the event it causes schedules the next.
 */
export interface SlaTimer {
  readonly incidentId: string;
  readonly escalationId: string;
  readonly clock: string;
  /** `reminder` carries the fraction of the clock's time it marks; `breach` fires at the deadline. */
  readonly kind: 'reminder' | 'breach';
  readonly fraction: number | null;
  /** When the timer fires (the reminder time, or the deadline). */
  readonly fireAt: string;
  /** The clock's deadline: the decider ignores a timer whose deadline is no longer the clock's. */
  readonly dueAt: string;
}

export interface RunningClockRow {
  readonly incident_id: string;
  readonly escalation_id: string;
  readonly clock: string;
  readonly due_at: string;
  /** JSON `[{ fraction, at }]` of reminders not yet issued. */
  readonly reminders: string;
}

export function nextTimerOf(row: RunningClockRow): SlaTimer {
  const pending = (JSON.parse(row.reminders) as { fraction: number; at: string }[]).sort((a, b) =>
    a.at.localeCompare(b.at),
  );
  const base = {
    incidentId: row.incident_id,
    escalationId: row.escalation_id,
    clock: row.clock,
    dueAt: row.due_at,
  };
  const [first] = pending;
  return first && first.at < row.due_at
    ? { ...base, kind: 'reminder', fraction: first.fraction, fireAt: first.at }
    : { ...base, kind: 'breach', fraction: null, fireAt: row.due_at };
}

/**
 * A deterministic BullMQ job id (BullMQ forbids `:` in custom ids): the same timer always has the
 * same id, so scheduling it twice, from the process manager and the reconciler, stores one job.
 */
export function timerJobId(timer: SlaTimer): string {
  const what = timer.kind === 'breach' ? 'b' : `r${Math.round((timer.fraction ?? 0) * 1000)}`;
  // Compact: every pending clock keeps this id in three Redis structures.
  return `s${timer.escalationId.replaceAll('-', '')}${timer.clock === 'ACTION' ? 'x' : 'a'}${what}_${Date.parse(timer.dueAt)}`;
}

/** The job's payload: short keys, because every pending clock keeps one in Redis. */
export interface SlaTimerJob {
  /** incident id */
  readonly i: string;
  /** escalation id */
  readonly e: string;
  /** clock: `A` acknowledgement, `X` action */
  readonly c: 'A' | 'X';
  /** reminder fraction, or null for the breach */
  readonly f: number | null;
  /** deadline, epoch ms */
  readonly d: number;
  /** fire time, epoch ms */
  readonly t: number;
}

/** Short, since it prefixes every key BullMQ writes for a clock. */
export const SLA_QUEUE = 'sla';

/** Typed job map: one name per timer kind. */
export type SlaJobName = 'sla-reminder' | 'sla-breach';

export const toJob = (timer: SlaTimer): { name: SlaJobName; data: SlaTimerJob; jobId: string } => ({
  name: timer.kind === 'breach' ? 'sla-breach' : 'sla-reminder',
  jobId: timerJobId(timer),
  data: {
    i: timer.incidentId,
    e: timer.escalationId,
    c: timer.clock === 'ACTION' ? 'X' : 'A',
    f: timer.fraction,
    d: Date.parse(timer.dueAt),
    t: Date.parse(timer.fireAt),
  },
});
