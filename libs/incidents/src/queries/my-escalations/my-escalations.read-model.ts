import { assertPageSize, decodeCursor, encodeCursor, InvalidInputError } from '@app/core';
import type { ReadModelSql } from '@app/event-store';
import { sql as raw } from 'kysely';
import { incidentsQueryBuilder as db } from '../../projections/incidents.read-model';
import { visibleTo } from '../list-incidents/visible-to';
import type { EscalationView } from '../../projections/escalation-view';
import type { InboxPage, MyEscalationsQuery } from './my-escalations.query';

/**
 * A party's inbox ordered by urgency: severity, whether a verified CSIRT reported it, the
 * earliest running deadline, then how many incidents name the same registrable domain. The order
 * moves as deadlines pass, so pages are by offset (the cursor is the position in the order).
 */
export async function listMyEscalations(sql: ReadModelSql, query: MyEscalationsQuery): Promise<InboxPage> {
  assertPageSize(query.first);
  const offset = query.after === null ? 0 : offsetOf(query.after);
  let filtered = db
    .selectFrom('escalation_view as e')
    .innerJoin('incident_view as i', 'i.incident_id', 'e.incident_id')
    .where('e.organisation_id', '=', query.organisationId)
    // A request awaiting a coordinator's approval is not the party's yet, whatever the filter asks.
    .where(
      'e.status',
      'in',
      query.status.filter((s) => s !== 'PENDING_APPROVAL'),
    );
  if (query.requestType?.length) filtered = filtered.where('e.request_type', 'in', [...query.requestType]);
  const total = await sql.first(filtered.select((eb) => eb.fn.countAll<number>().as('n')));
  const severityRank = raw<number>`case i.severity when 'CRITICAL' then 4 when 'HIGH' then 3 when 'MEDIUM' then 2 when 'LOW' then 1 else 2 end`;
  // Only incidents the viewer may see count, or the number would leak others' reports.
  const reports = raw<number>`(select count(distinct d.incident_id) from incident_domain d join incident_view v on v.incident_id = d.incident_id where d.registrable_domain = e.primary_registrable and ${visibleTo(query.viewer)})`;
  const rows = await sql.all(
    filtered
      .select(['e.document', 'e.incident_id', 'e.next_due_at', 'i.severity', reports.as('reports')])
      .orderBy(severityRank, 'desc')
      .orderBy('e.reporter_verified', 'desc')
      .orderBy(raw`e.next_due_at is null`)
      .orderBy('e.next_due_at')
      .orderBy(reports, 'desc')
      .orderBy('e.escalation_id')
      .limit(query.first + 1)
      .offset(offset),
  );
  return {
    entries: rows.slice(0, query.first).map((row, i) => ({
      cursor: encodeCursor(String(offset + i + 1)),
      incidentId: row.incident_id,
      escalation: JSON.parse(row.document) as EscalationView,
      severity: row.severity,
      nextDueAt: row.next_due_at,
      reportsAboutDomain: row.reports,
    })),
    hasNextPage: rows.length > query.first,
    totalCount: total?.n ?? 0,
  };
}

function offsetOf(cursor: string): number {
  const [text = ''] = decodeCursor(cursor, 1);
  const offset = Number(text);
  if (!Number.isInteger(offset) || offset < 0)
    throw new InvalidInputError('after', cursor, 'is not a cursor returned by this API');
  return offset;
}
