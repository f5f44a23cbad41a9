import { step, type SqlProgram } from '@app/event-store';
import type { IncidentChanges } from './incident-changes';
import type { IncidentView } from './incident-view';
import {
  type EscalationViewTable,
  incidentsQueryBuilder as db,
  type SlaClockTable,
} from './incidents.read-model';
import { fromExcluded, multiRowWrite, paddedIds, writeRows } from './multi-row-writes';

const ESCALATION_COLUMNS = [
  'escalation_id',
  'incident_id',
  'organisation_id',
  'status',
  'request_type',
  'reporter_verified',
  'next_due_at',
  'primary_registrable',
  'sent_at',
  'updated_at',
  'document',
] as const satisfies readonly (keyof EscalationViewTable)[];

const upsertEscalations = multiRowWrite<EscalationViewTable>(ESCALATION_COLUMNS, (rows) =>
  db
    .insertInto('escalation_view')
    .values(rows)
    .onConflict((oc) =>
      oc.column('escalation_id').doUpdateSet(fromExcluded(ESCALATION_COLUMNS, 'escalation_id')),
    ),
);

const CLOCK_COLUMNS = [
  'incident_id',
  'escalation_id',
  'clock',
  'started_at',
  'due_at',
  'reminders',
  'next_fire_at',
] as const satisfies readonly (keyof SlaClockTable)[];

const insertClocks = multiRowWrite<SlaClockTable>(CLOCK_COLUMNS, (rows) =>
  db.insertInto('sla_clock').values(rows),
);

/**
 * Brings the escalation rows and open-clock rows of the changed incidents to their views. Run by
 * the incidents projection, in the same transaction and at the same checkpoint as the incidents.
 */
export function* saveEscalations(changes: readonly IncidentChanges[]): SqlProgram<void> {
  const changed = changes.filter((c) => c.escalationsAt.length > 0);
  if (changed.length === 0) return;
  // Keyed by id so no statement names an escalation twice (PostgreSQL refuses that in an upsert);
  // a later view's row replaces an earlier one, as the later upsert did.
  const escalations = new Map<string, EscalationViewTable>();
  for (const { escalationsAt } of changed) {
    for (const view of escalationsAt) {
      for (const row of escalationRowsOf(view)) escalations.set(row.escalation_id, row);
    }
  }
  yield* writeRows(upsertEscalations, [...escalations.values()]);
  const ids = changed.map((c) => c.view.id);
  yield* step.run(db.deleteFrom('sla_clock').where('incident_id', 'in', paddedIds(ids)));
  const clocks = changed.flatMap((c) => {
    const last = c.escalationsAt.at(-1);
    return last ? slaClockRowsOf(last) : [];
  });
  yield* writeRows(insertClocks, clocks);
}

/** One row per escalation of the view, for a party's inbox ordered by urgency. */
export function escalationRowsOf(view: IncidentView): EscalationViewTable[] {
  const primary = view.domains[0]?.registrableDomain ?? '';
  return (view.escalations ?? []).map((e) => {
    const running = e.clocks.filter((c) => c.state === 'RUNNING').map((c) => c.dueAt);
    return {
      escalation_id: e.escalationId,
      incident_id: view.id,
      organisation_id: e.party.organisationId,
      status: e.status,
      request_type: e.requestType,
      reporter_verified: e.reporterVerifiedCsirt ? 1 : 0,
      next_due_at: running.length ? running.reduce((a, b) => (a < b ? a : b)) : null,
      primary_registrable: registrableOf(view, e.domains[0]) ?? primary,
      sent_at: e.sentAt,
      updated_at: e.updatedAt,
      document: JSON.stringify(e),
    };
  });
}

/** One row per running clock of the view's escalations, with the reminders still to come. */
export function slaClockRowsOf(view: IncidentView): SlaClockTable[] {
  return (view.escalations ?? []).flatMap((e) =>
    e.clocks
      .filter((c) => c.state === 'RUNNING')
      .map((c) => {
        const pending = c.reminders.filter((r) => !c.remindersIssued.includes(r.fraction) && r.at < c.dueAt);
        return {
          incident_id: view.id,
          escalation_id: e.escalationId,
          clock: c.clock,
          started_at: c.startedAt,
          due_at: c.dueAt,
          reminders: JSON.stringify(pending),
          next_fire_at: pending.map((r) => r.at).reduce((a, b) => (a < b ? a : b), c.dueAt),
        };
      }),
  );
}

const registrableOf = (view: IncidentView, domain: string | undefined): string | undefined =>
  view.domains.find((d) => d.name === domain)?.registrableDomain;
