import { assertPageSize, decodeCursor, encodeCursor } from '@app/core';
import type { ReadModelSql, SqlDialect } from '@app/event-store';
import { directoryQueryBuilder as db, indexableText } from '../../projections/directory.read-model';
import type { OrganisationView } from '../../projections/organisation-view';
import type { OrganisationFilter, OrganisationPage } from './list-organisations.query';

/** Keyset pagination over (sort_name, organisation_id); every filter runs in SQL before the page. */
export async function listOrganisations(
  sql: ReadModelSql,
  filter: OrganisationFilter,
  first: number,
  after: string | null,
  now: Date,
): Promise<OrganisationPage> {
  assertPageSize(first);
  const filtered = applyFilter(filter, now.toISOString(), sql.dialect);
  let page = filtered.select(['o.document', 'o.sort_name', 'o.organisation_id']);
  if (after !== null) {
    const [name = '', id = ''] = decodeCursor(after, 2).map(indexableText);
    page = page.where((eb) =>
      eb.or([
        eb('o.sort_name', '>', name),
        eb.and([eb('o.sort_name', '=', name), eb('o.organisation_id', '>', id)]),
      ]),
    );
  }
  const [total, rows] = await Promise.all([
    sql.first(filtered.select((eb) => eb.fn.countAll<number>().as('n'))),
    sql.all(
      page
        .orderBy('o.sort_name')
        .orderBy('o.organisation_id')
        .limit(first + 1),
    ),
  ]);
  return {
    nodes: rows.slice(0, first).map((row) => ({
      cursor: encodeCursor(row.sort_name, row.organisation_id),
      organisation: JSON.parse(row.document) as OrganisationView,
    })),
    hasNextPage: rows.length > first,
    totalCount: total?.n ?? 0,
  };
}

/** Where a substring starts (1-based, 0 when absent): same arguments and answer, another name. */
const POSITION_OF = { sqlite: 'instr', postgres: 'strpos' } as const satisfies Record<SqlDialect, string>;

function applyFilter(filter: OrganisationFilter, now: string, dialect: SqlDialect) {
  let query = db.selectFrom('organisation_view as o');
  if (filter.kind?.length) query = query.where('o.kind', 'in', filter.kind);
  const covered = (scope: 'COUNTRY' | 'TLD' | 'IANA_ID' | 'SUFFIX', value: string) =>
    query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('organisation_coverage as c')
          .select('c.organisation_id')
          .whereRef('c.organisation_id', '=', 'o.organisation_id')
          .where('c.scope', '=', scope)
          .where('c.value', '=', value),
      ),
    );
  if (filter.country) query = covered('COUNTRY', filter.country);
  if (filter.tld) query = covered('TLD', filter.tld);
  if (filter.ianaId !== null && filter.ianaId !== undefined)
    query = covered('IANA_ID', String(filter.ianaId));
  if (filter.suffix) query = covered('SUFFIX', filter.suffix);
  const search = filter.search?.toLowerCase();
  if (search) {
    const needle = indexableText(search);
    query = query.where((eb) => eb(eb.fn(POSITION_OF[dialect], ['o.search_text', eb.val(needle)]), '>', 0));
  }
  const verification = filter.verification;
  if (verification === 'VERIFIED') {
    query = query
      .where('o.verification_status', '=', 'VERIFIED')
      .where('o.verification_expires_at', '>', now);
  } else if (verification === 'STALE') {
    query = query
      .where('o.verification_status', '=', 'VERIFIED')
      .where('o.verification_expires_at', '<=', now);
  } else if (verification) {
    query = query.where('o.verification_status', '=', verification);
  }
  return query;
}
