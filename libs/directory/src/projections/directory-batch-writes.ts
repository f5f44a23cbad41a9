import { step, type SqlProgram } from '@app/event-store';
import type { TldEntry } from '../domain/root-zone.events';
import {
  directoryQueryBuilder as db,
  indexableText,
  type OrganisationCoverageTable,
  type OrganisationViewTable,
  selectOrganisationDocument,
  type TldReferenceTable,
} from './directory.read-model';
import { fixedSizeBatches } from './fixed-size-batches';
import type { OrganisationView } from './organisation-view';

/**
 * The rows one batch of directory events changes, written once at the end of the batch: an import
 * appends thousands of events at a time, and a few multi-row statements cost far less than one
 * statement per event. Only the last state of each row is written, which also keeps a multi-row
 * upsert from touching one row twice (PostgreSQL refuses that).
 */
export class DirectoryBatchWrites {
  private readonly views = new Map<string, OrganisationView>();
  private readonly coverageChanged = new Set<string>();
  private readonly tlds = new Map<string, TldReferenceTable>();

  /** The view as this batch left it, else as stored; null when there is none. */
  *view(organisationId: string): SqlProgram<OrganisationView | null> {
    const pending = this.views.get(organisationId);
    if (pending) return pending;
    const row = yield* step.firstPrepared(selectOrganisationDocument, [organisationId]);
    return row ? (JSON.parse(row.document) as OrganisationView) : null;
  }

  saveView(view: OrganisationView, coverageChanged: boolean): void {
    this.views.set(view.id, view);
    if (coverageChanged) this.coverageChanged.add(view.id);
  }

  recordTld(entry: TldEntry, recordedAt: string): void {
    this.tlds.set(entry.tld, {
      tld: entry.tld,
      type: entry.type,
      country: entry.country,
      registry_organisation_id: entry.registryOrganisationId,
      recorded_at: recordedAt,
      document: JSON.stringify(entry),
    });
  }

  /** Deleted at once: a pending record of the TLD is dropped, a later one in the batch still counts. */
  *withdrawTld(tld: string): SqlProgram<void> {
    this.tlds.delete(tld);
    yield* step.run(db.deleteFrom('tld_reference').where('tld', '=', tld));
  }

  *flush(): SqlProgram<void> {
    for (const batch of fixedSizeBatches([...this.views.values()].map(viewRow))) {
      yield* step.run(upsertViews(batch));
    }
    const covering = [...this.coverageChanged].flatMap((id) => {
      const view = this.views.get(id);
      return view ? [view] : [];
    });
    for (const batch of fixedSizeBatches(covering.map((view) => view.id))) {
      yield* step.run(db.deleteFrom('organisation_coverage').where('organisation_id', 'in', batch));
    }
    for (const batch of fixedSizeBatches(covering.flatMap(coverageRows))) {
      yield* step.run(db.insertInto('organisation_coverage').values(batch));
    }
    for (const batch of fixedSizeBatches([...this.tlds.values()])) {
      yield* step.run(upsertTlds(batch));
    }
  }
}

function viewRow(view: OrganisationView): OrganisationViewTable {
  const verification = view.verification;
  return {
    organisation_id: view.id,
    kind: view.kind,
    name: indexableText(view.name),
    sort_name: indexableText(view.name.toLowerCase()),
    search_text: indexableText([view.name, ...view.aliases].join('\n').toLowerCase()),
    verification_status: verification.status,
    verification_expires_at: verification.status === 'VERIFIED' ? verification.expiresAt : null,
    updated_at: view.updatedAt,
    version: view.version,
    document: JSON.stringify(view),
  };
}

function coverageRows(view: OrganisationView): OrganisationCoverageTable[] {
  return [
    ...view.coverage.countries.map((value) => ({ scope: 'COUNTRY' as const, value })),
    ...view.coverage.tlds.map((value) => ({ scope: 'TLD' as const, value })),
    ...view.coverage.suffixes.map((value) => ({ scope: 'SUFFIX' as const, value })),
    ...(view.coverage.ianaId === null
      ? []
      : [{ scope: 'IANA_ID' as const, value: String(view.coverage.ianaId) }]),
  ].map((row) => ({ ...row, organisation_id: view.id }));
}

const upsertViews = (rows: OrganisationViewTable[]) =>
  db
    .insertInto('organisation_view')
    .values(rows)
    .onConflict((oc) =>
      oc.column('organisation_id').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        name: eb.ref('excluded.name'),
        sort_name: eb.ref('excluded.sort_name'),
        search_text: eb.ref('excluded.search_text'),
        verification_status: eb.ref('excluded.verification_status'),
        verification_expires_at: eb.ref('excluded.verification_expires_at'),
        updated_at: eb.ref('excluded.updated_at'),
        version: eb.ref('excluded.version'),
        document: eb.ref('excluded.document'),
      })),
    );

const upsertTlds = (rows: TldReferenceTable[]) =>
  db
    .insertInto('tld_reference')
    .values(rows)
    .onConflict((oc) =>
      oc.column('tld').doUpdateSet((eb) => ({
        type: eb.ref('excluded.type'),
        country: eb.ref('excluded.country'),
        registry_organisation_id: eb.ref('excluded.registry_organisation_id'),
        recorded_at: eb.ref('excluded.recorded_at'),
        document: eb.ref('excluded.document'),
      })),
    );
