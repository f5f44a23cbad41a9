import { type Relation, type TlpMarking, VISIBLE_TO } from '@app/access';
import type { Viewer } from '@app/core';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

const TRUE = sql<SqlBool>`1 = 1`;
const FALSE = sql<SqlBool>`1 = 0`;

/**
 * The access policy's VISIBLE_TO table as one SQL condition on the incident rows aliased `alias`,
 * so lists and their counts are filtered before pagination and can leak nothing. Generated from
 * the same table the per-incident check uses, so the two cannot disagree.
 */
export function visibleTo(viewer: Viewer, alias = 'v'): RawBuilder<SqlBool> {
  const incidentId = sql.ref(`${alias}.incident_id`);
  const holds = (relation: Relation): RawBuilder<SqlBool> => {
    switch (relation) {
      case 'MEMBER':
        return TRUE;
      case 'COORDINATOR':
        return viewer.role === 'COORDINATOR' ? TRUE : FALSE;
      case 'VERIFIED_COMMUNITY':
        return viewer.organisationVerified ? TRUE : FALSE;
      case 'REPORTER':
      case 'RECIPIENT':
      case 'ADDRESSED':
        return sql<SqlBool>`exists (select 1 from incident_access a where a.incident_id = ${incidentId} and a.organisation_id = ${viewer.organisationId} and a.relation = ${relation})`;
      default: {
        const unknown: never = relation;
        return unknown;
      }
    }
  };
  const markings = Object.entries(VISIBLE_TO) as [TlpMarking, readonly Relation[]][];
  const byMarking = markings.map(
    ([tlp, relations]) =>
      sql<SqlBool>`(${sql.ref(`${alias}.tlp`)} = ${tlp} and (${sql.join(relations.map(holds), sql` or `)}))`,
  );
  return sql<SqlBool>`(${sql.join(byMarking, sql` or `)})`;
}
