import type { SqlExecutor } from '@app/event-store';
import { incidentsQueryBuilder as db } from './incidents.read-model';
import type { IncidentView } from './incident-view';

/**
 * Brings the escalation rows and open-clock rows of one incident to its view. Run inside the
 * incidents projection, in the same transaction and at the same checkpoint as the incident itself.
 */
export function saveEscalations(sql: SqlExecutor, view: IncidentView): void {
  const escalations = view.escalations ?? [];
  const primary = view.domains[0]?.registrableDomain ?? '';
  for (const e of escalations) {
    const running = e.clocks.filter((c) => c.state === 'RUNNING').map((c) => c.dueAt);
    const row = {
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
    sql.run(
      db
        .insertInto('escalation_view')
        .values(row)
        .onConflict((oc) => oc.column('escalation_id').doUpdateSet(row)),
    );
  }
  sql.run(db.deleteFrom('sla_clock').where('incident_id', '=', view.id));
  const clocks = escalations.flatMap((e) =>
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
  if (clocks.length > 0) sql.run(db.insertInto('sla_clock').values(clocks));
}

const registrableOf = (view: IncidentView, domain: string | undefined): string | undefined =>
  view.domains.find((d) => d.name === domain)?.registrableDomain;
