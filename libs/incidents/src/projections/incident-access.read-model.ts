import { step, type SqlProgram } from '@app/event-store';
import type { IncidentAccessFacts } from '@app/access';
import type { IncidentChanges } from './incident-changes';
import type { IncidentView } from './incident-view';
import { type IncidentAccessTable, incidentsQueryBuilder as db } from './incidents.read-model';
import { multiRowWrite, paddedIds, writeRows } from './multi-row-writes';

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

const insertAccess = multiRowWrite<IncidentAccessTable>(
  ['incident_id', 'organisation_id', 'relation'],
  (rows) =>
    db
      .insertInto('incident_access')
      .values(rows)
      .onConflict((oc) => oc.doNothing()),
);

/**
 * Rewrites the involvement rows of the incidents whose batch changed who is involved, from the view
 * after the last such change; run by the projection in its transaction.
 */
export function* saveIncidentAccess(changes: readonly IncidentChanges[]): SqlProgram<void> {
  const views = changes.flatMap((c) => (c.accessAt ? [c.accessAt] : []));
  if (views.length === 0) return;
  yield* step.run(
    db.deleteFrom('incident_access').where('incident_id', 'in', paddedIds(views.map((v) => v.id))),
  );
  yield* writeRows(insertAccess, views.flatMap(accessRowsOf));
}

function accessRowsOf(view: IncidentView): IncidentAccessTable[] {
  const facts = accessFactsOf(view);
  return [
    ...(facts.reporterOrganisationId === null
      ? []
      : [{ organisation_id: facts.reporterOrganisationId, relation: 'REPORTER' }]),
    ...facts.recipientOrganisationIds.map((organisation_id) => ({ organisation_id, relation: 'RECIPIENT' })),
    ...facts.addressedOrganisationIds.map((organisation_id) => ({ organisation_id, relation: 'ADDRESSED' })),
  ].map((row) => ({ ...row, incident_id: view.id }));
}
