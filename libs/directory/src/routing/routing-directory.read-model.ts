import type { ReadModelSql } from '@app/event-store';
import type { OrganisationKind } from '../domain/directory.vocabulary';
import type { TldEntry } from '../domain/root-zone.events';
import type { DirectoryParty, TldFacts } from '../domain/routing/routing-decision';
import {
  directoryQueryBuilder as db,
  type OrganisationCoverageTable,
} from '../projections/directory.read-model';
import type { OrganisationView } from '../projections/organisation-view';

/**
 * The directory as routing reads it: root zone facts by TLD and the organisation covering a TLD,
 * country, IANA id or suffix. Where several cover one country, a verified one wins, then the
 * longest registered, so the answer is stable.
 */
export class RoutingDirectory {
  constructor(private readonly sql: ReadModelSql) {}

  async tldFacts(tld: string): Promise<TldFacts | null> {
    const row = await this.sql.first(
      db.selectFrom('tld_reference').select(['document', 'recorded_at']).where('tld', '=', tld),
    );
    if (!row) return null;
    const entry = JSON.parse(row.document) as TldEntry;
    return {
      tld: entry.tld,
      type: entry.type,
      country: entry.country,
      registryOperator: entry.registryOperator ?? `no operator listed for .${entry.tld}`,
      registryOrganisationId: entry.registryOrganisationId,
      rdapBaseUrls: entry.rdapBaseUrls,
      source: `IANA Root Zone Database (${entry.source})`,
      recordedAt: row.recorded_at,
    };
  }

  async covering(
    scope: OrganisationCoverageTable['scope'],
    value: string,
    kind: OrganisationKind,
  ): Promise<DirectoryParty | null> {
    const rows = await this.sql.all(
      db
        .selectFrom('organisation_coverage as c')
        .innerJoin('organisation_view as o', 'o.organisation_id', 'c.organisation_id')
        .select('o.document')
        .where('c.scope', '=', scope)
        .where('c.value', '=', value)
        .where('o.kind', '=', kind),
    );
    return best(rows.map((row) => JSON.parse(row.document) as OrganisationView));
  }

  async coordinationCentre(): Promise<DirectoryParty | null> {
    const rows = await this.sql.all(
      db.selectFrom('organisation_view').select('document').where('kind', '=', 'COORDINATION_CENTRE'),
    );
    return best(rows.map((row) => JSON.parse(row.document) as OrganisationView));
  }
}

function best(views: readonly OrganisationView[]): DirectoryParty | null {
  const [first] = [...views].sort(
    (a, b) =>
      Number(b.verification.status === 'VERIFIED') - Number(a.verification.status === 'VERIFIED') ||
      a.registeredAt.localeCompare(b.registeredAt) ||
      a.id.localeCompare(b.id),
  );
  return first ? toParty(first) : null;
}

export function toParty(view: OrganisationView): DirectoryParty {
  return {
    organisationId: view.id,
    kind: view.kind,
    name: view.name,
    ianaId: view.coverage.ianaId,
    verified: view.verification.status === 'VERIFIED',
    contacts: view.contacts.map(({ role, email, phone, webFormUrl }) => ({ role, email, phone, webFormUrl })),
    recordedAt: view.updatedAt,
    source: view.source === 'MANUAL' ? 'directory' : `directory (${view.source.toLowerCase()})`,
  };
}
