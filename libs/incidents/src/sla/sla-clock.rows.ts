import type { ReadModelSql } from '@app/event-store';
import type { ClockStatus } from '../domain/escalation.state';
import { incidentsQueryBuilder as db } from '../projections/incidents.read-model';
import type { EscalationView } from '../projections/escalation-view';
import { nextTimerOf, type SlaTimer } from './sla-timers';

/** Timers of every running clock of one incident, from the open-clocks read model. */
export async function timersOfIncident(sql: ReadModelSql, incidentId: string): Promise<SlaTimer[]> {
  const rows = await sql.all(db.selectFrom('sla_clock').selectAll().where('incident_id', '=', incidentId));
  return rows.map(nextTimerOf);
}

export interface ClockKey {
  readonly escalationId: string;
  readonly clock: string;
}

/** Timers of running clocks whose next timer fires before `before` (ISO; null: all), a page after `after`. */
export async function timersFiringBefore(
  sql: ReadModelSql,
  before: string | null,
  limit: number,
  after: ClockKey | null,
): Promise<SlaTimer[]> {
  let query = db.selectFrom('sla_clock').selectAll();
  if (before !== null) query = query.where('next_fire_at', '<', before);
  if (after !== null) {
    query = query.where((eb) =>
      eb.or([
        eb('escalation_id', '>', after.escalationId),
        eb.and([eb('escalation_id', '=', after.escalationId), eb('clock', '>', after.clock)]),
      ]),
    );
  }
  const rows = await sql.all(query.orderBy('escalation_id').orderBy('clock').limit(limit));
  return rows.map(nextTimerOf);
}

/** The timer a clock that is no longer running would have had next, so its job can be removed. */
export function timerOfStoppedClock(incidentId: string, escalationId: string, clock: ClockStatus): SlaTimer {
  return nextTimerOf({
    incident_id: incidentId,
    escalation_id: escalationId,
    clock: clock.clock,
    due_at: clock.dueAt,
    reminders: JSON.stringify(clock.reminders.filter((r) => !clock.remindersIssued.includes(r.fraction))),
  });
}

export async function escalationsOfIncident(
  sql: ReadModelSql,
  incidentId: string,
): Promise<EscalationView[]> {
  const rows = await sql.all(
    db.selectFrom('escalation_view').select('document').where('incident_id', '=', incidentId),
  );
  return rows.map((row) => JSON.parse(row.document) as EscalationView);
}
