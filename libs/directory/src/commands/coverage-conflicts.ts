import type { ReadModelSql } from '@app/event-store';
import { CoverageTakenError } from '../domain/organisation.errors';
import type { Coverage } from '../domain/organisation.types';
import { directoryQueryBuilder as db } from '../projections/directory.read-model';

/**
 * A TLD, IANA id or private suffix answers to one organisation, or routing could not choose.
 * Countries may have several CSIRTs (a government team and a national one), so they are not checked.
 */
export async function assertCoverageFree(
  sql: ReadModelSql,
  coverage: Coverage,
  organisationId: string,
): Promise<void> {
  const wanted = [
    ...coverage.tlds.map((value) => ({ scope: 'TLD' as const, value, label: `TLD .${value}` })),
    ...coverage.suffixes.map((value) => ({ scope: 'SUFFIX' as const, value, label: `Suffix ${value}` })),
    ...(coverage.ianaId === null
      ? []
      : [
          {
            scope: 'IANA_ID' as const,
            value: String(coverage.ianaId),
            label: `IANA registrar id ${coverage.ianaId}`,
          },
        ]),
  ];
  for (const { scope, value, label } of wanted) {
    const holder = await sql.first(
      db
        .selectFrom('organisation_coverage')
        .select('organisation_id')
        .where('scope', '=', scope)
        .where('value', '=', value)
        .where('organisation_id', '!=', organisationId),
    );
    if (holder) throw new CoverageTakenError(label, holder.organisation_id);
  }
}
