import { type Projection, type RecordedEvent, type SqlExecutor } from '@app/event-store';
import { organisationIdOfStream } from '../domain/organisation.events';
import type { RootZoneEvent } from '../domain/root-zone.events';
import { DIRECTORY_EVENT_TYPES, fromRecordedEvent } from '../infrastructure/directory-event.codec';
import {
  DIRECTORY_READ_MODEL_DDL,
  directoryQueryBuilder as db,
  type OrganisationCoverageTable,
  type OrganisationViewTable,
  selectOrganisationDocument,
} from './directory.read-model';
import { evolveOrganisationView, type OrganisationView } from './organisation-view';

/** Keeps the organisation tables and the TLD reference table equal to the fold of the directory's streams. */
export const directoryProjection: Projection = {
  name: 'directory',
  eventTypes: DIRECTORY_EVENT_TYPES,

  migrate(sql: SqlExecutor): void {
    sql.database.exec(DIRECTORY_READ_MODEL_DDL);
  },

  project(recorded: RecordedEvent, sql: SqlExecutor): void {
    const { event, metadata } = fromRecordedEvent(recorded);
    if (event.type === 'TldRecorded' || event.type === 'TldWithdrawn') {
      projectRootZone(event, metadata.occurredAt, sql);
      return;
    }
    const id = organisationIdOfStream(recorded.streamId);
    const row =
      event.type === 'OrganisationRegistered'
        ? undefined
        : sql.firstPrepared(selectOrganisationDocument, [id]);
    const before = row ? (JSON.parse(row.document) as OrganisationView) : null;
    const after = evolveOrganisationView(before, event, metadata);
    if (!after) return;
    saveView(sql, after);
    if (event.type === 'OrganisationRegistered' || event.type === 'OrganisationCoverageChanged')
      saveCoverage(sql, after);
  },

  reset(sql: SqlExecutor): void {
    sql.run(db.deleteFrom('organisation_coverage'));
    sql.run(db.deleteFrom('organisation_view'));
    sql.run(db.deleteFrom('tld_reference'));
  },
};

/** Directory writes are rare next to incident writes, so these queries are compiled per call. */
const upsertView = (row: OrganisationViewTable) =>
  db
    .insertInto('organisation_view')
    .values(row)
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(row));

function saveView(sql: SqlExecutor, view: OrganisationView): void {
  const verification = view.verification;
  sql.run(
    upsertView({
      organisation_id: view.id,
      kind: view.kind,
      name: view.name,
      sort_name: view.name.toLowerCase(),
      search_text: [view.name, ...view.aliases].join('\n').toLowerCase(),
      verification_status: verification.status,
      verification_expires_at: verification.status === 'VERIFIED' ? verification.expiresAt : null,
      updated_at: view.updatedAt,
      version: view.version,
      document: JSON.stringify(view),
    }),
  );
}

function saveCoverage(sql: SqlExecutor, view: OrganisationView): void {
  sql.run(db.deleteFrom('organisation_coverage').where('organisation_id', '=', view.id));
  const rows: OrganisationCoverageTable[] = [
    ...view.coverage.countries.map((value) => ({ scope: 'COUNTRY' as const, value })),
    ...view.coverage.tlds.map((value) => ({ scope: 'TLD' as const, value })),
    ...view.coverage.suffixes.map((value) => ({ scope: 'SUFFIX' as const, value })),
    ...(view.coverage.ianaId === null
      ? []
      : [{ scope: 'IANA_ID' as const, value: String(view.coverage.ianaId) }]),
  ].map((row) => ({ ...row, organisation_id: view.id }));
  if (rows.length > 0) sql.run(db.insertInto('organisation_coverage').values(rows));
}

function projectRootZone(event: RootZoneEvent, occurredAt: string, sql: SqlExecutor): void {
  if (event.type === 'TldWithdrawn') {
    sql.run(db.deleteFrom('tld_reference').where('tld', '=', event.data.tld));
    return;
  }
  const entry = event.data;
  const row = {
    tld: entry.tld,
    type: entry.type,
    country: entry.country,
    registry_organisation_id: entry.registryOrganisationId,
    recorded_at: occurredAt,
    document: JSON.stringify(entry),
  };
  sql.run(
    db
      .insertInto('tld_reference')
      .values(row)
      .onConflict((oc) => oc.column('tld').doUpdateSet(row)),
  );
}
