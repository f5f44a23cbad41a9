import { prepareQuery, type ReadModelSql } from '@app/event-store';
import { directoryQueryBuilder as db } from '../projections/directory.read-model';

const selectVerification = prepareQuery(1, (id: string) =>
  db
    .selectFrom('organisation_view')
    .select(['verification_status', 'verification_expires_at'])
    .where('organisation_id', '=', id),
);

/**
 * Whether an organisation holds a verification that has not expired: the trust signal behind TLP:GREEN
 * visibility and escalation approval. Run on every authenticated request, so compiled once.
 */
export async function isOrganisationVerified(
  sql: ReadModelSql,
  organisationId: string,
  now: Date,
): Promise<boolean> {
  const row = await sql.firstPrepared(selectVerification, [organisationId]);
  return (
    row?.verification_status === 'VERIFIED' &&
    row.verification_expires_at !== null &&
    row.verification_expires_at > now.toISOString()
  );
}
