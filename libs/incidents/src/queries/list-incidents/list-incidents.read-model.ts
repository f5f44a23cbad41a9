import { assertPageSize, decodeCursor, encodeCursor, type Viewer } from '@app/core';
import { visibleTo } from './visible-to';
import type { ReadModelSql } from '@app/event-store';
import type { IncidentCategory, IncidentStatus, Severity, Tlp } from '../../domain/incident.vocabulary';
import type { IncidentView } from '../../projections/incident-view';
import { incidentsQueryBuilder as db } from '../../projections/incidents.read-model';

export interface IncidentListFilter {
  readonly status?: readonly IncidentStatus[] | null | undefined;
  readonly severity?: readonly Severity[] | null | undefined;
  readonly category?: readonly IncidentCategory[] | null | undefined;
  readonly tlp?: readonly Tlp[] | null | undefined;
  /** Already normalised (lower-case A-label). */
  readonly tld?: string | null | undefined;
  /** Already normalised; matches a named domain or a registrable domain. */
  readonly domain?: string | null | undefined;
  readonly reportedAfter?: Date | null | undefined;
  readonly reportedBefore?: Date | null | undefined;
}

export interface IncidentPage {
  readonly nodes: readonly { readonly cursor: string; readonly incident: IncidentView }[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/** Keyset pagination over (reported_at, incident_id), newest first; the filter runs in SQL. */
export async function listIncidents(
  sql: ReadModelSql,
  filter: IncidentListFilter,
  first: number,
  after: string | null,
  viewer: Viewer,
): Promise<IncidentPage> {
  assertPageSize(first);
  const filtered = applyFilter(filter).where(visibleTo(viewer));
  const total = await sql.first(filtered.select((eb) => eb.fn.countAll<number>().as('n')));
  let page = filtered.select(['v.document', 'v.reported_at', 'v.incident_id']);
  if (after !== null) {
    const [reportedAt = '', id = ''] = decodeCursor(after, 2);
    page = page.where((eb) =>
      eb.or([
        eb('v.reported_at', '<', reportedAt),
        eb.and([eb('v.reported_at', '=', reportedAt), eb('v.incident_id', '<', id)]),
      ]),
    );
  }
  const rows = await sql.all(
    page
      .orderBy('v.reported_at', 'desc')
      .orderBy('v.incident_id', 'desc')
      .limit(first + 1),
  );
  return {
    nodes: rows.slice(0, first).map((row) => ({
      cursor: encodeCursor(row.reported_at, row.incident_id),
      incident: JSON.parse(row.document) as IncidentView,
    })),
    hasNextPage: rows.length > first,
    totalCount: total?.n ?? 0,
  };
}

function applyFilter(filter: IncidentListFilter) {
  let query = db.selectFrom('incident_view as v');
  if (filter.status?.length) query = query.where('v.status', 'in', filter.status);
  if (filter.severity?.length) query = query.where('v.severity', 'in', filter.severity);
  if (filter.category?.length) query = query.where('v.category', 'in', filter.category);
  if (filter.tlp?.length) query = query.where('v.tlp', 'in', filter.tlp);
  if (filter.reportedAfter) query = query.where('v.reported_at', '>=', filter.reportedAfter.toISOString());
  if (filter.reportedBefore) query = query.where('v.reported_at', '<', filter.reportedBefore.toISOString());
  const { tld, domain } = filter;
  if (tld) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_domain as d')
          .select('d.incident_id')
          .whereRef('d.incident_id', '=', 'v.incident_id')
          .where('d.tld', '=', tld),
      ),
    );
  }
  if (domain) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_domain as d')
          .select('d.incident_id')
          .whereRef('d.incident_id', '=', 'v.incident_id')
          .where((eb) => eb.or([eb('d.domain', '=', domain), eb('d.registrable_domain', '=', domain)])),
      ),
    );
  }
  return query;
}
