import type { SqlExecutor } from '@app/event-store';
import type { IncidentAccessFacts } from '@app/access';
import { incidentsQueryBuilder as db } from './incidents.read-model';
import type { IncidentView } from './incident-view';

/** The access policy's view of an incident. */
export function accessFactsOf(view: IncidentView): IncidentAccessFacts {
  return {
    tlp: view.tlp,
    reporterOrganisationId: view.reporter.organisationId,
    recipientOrganisationIds: (view.recipients ?? []).map((r) => r.organisationId),
    // A request awaiting approval is not yet the party's to see.
    addressedOrganisationIds: [
      ...new Set(
        (view.escalations ?? [])
          .filter((e) => e.status !== 'PENDING_APPROVAL')
          .map((e) => e.party.organisationId),
      ),
    ],
  };
}

/** Rewrites the involvement rows of one incident; run by the projection after each change to them. */
export function saveIncidentAccess(sql: SqlExecutor, view: IncidentView): void {
  const facts = accessFactsOf(view);
  const rows = [
    ...(facts.reporterOrganisationId === null
      ? []
      : [{ organisation_id: facts.reporterOrganisationId, relation: 'REPORTER' }]),
    ...facts.recipientOrganisationIds.map((organisation_id) => ({ organisation_id, relation: 'RECIPIENT' })),
    ...facts.addressedOrganisationIds.map((organisation_id) => ({ organisation_id, relation: 'ADDRESSED' })),
  ].map((row) => ({ ...row, incident_id: view.id }));
  sql.run(db.deleteFrom('incident_access').where('incident_id', '=', view.id));
  if (rows.length > 0)
    sql.run(
      db
        .insertInto('incident_access')
        .values(rows)
        .onConflict((oc) => oc.doNothing()),
    );
}
