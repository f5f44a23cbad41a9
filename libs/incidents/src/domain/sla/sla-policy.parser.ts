/**
 * Turns the SLA_POLICY file's JSON into an `SlaPolicy`. Precedence, field by field
 * (`acknowledgeWithin`, `actWithin`, `businessHours` each on its own):
 *
 * 1. the most specific matching row: one naming kind, severity and requestType beats one naming two,
 *    which beats one naming one; among rows equally specific, the later in the file;
 * 2. then the file's `default` row;
 * 3. then DEFAULT_SLA_POLICY's cell for that combination.
 *
 * Calendars: the kind's entry under `businessHours`, then `businessHours.default`, then the built-in
 * calendar of the kind, field by field. `reminderFractions` replaces the default list whole.
 */
import type { OrganisationKind } from '@app/directory';
import { InvalidInputError } from '@app/core';
import type { Severity } from '../incident.vocabulary';
import { SEVERITIES } from '../incident.vocabulary';
import type { BusinessCalendar } from './business-time';
import { checkBusinessCalendar } from './business-time';
import type { SlaPolicy, SlaTable, SlaTarget, SlaTargetsBySeverity } from './sla-policy';
import { DEFAULT_SLA_POLICY } from './sla-policy';
import { InvalidSlaPolicyError } from './sla-policy.errors';
import type { SlaPolicyFile, SlaPolicyRow } from './sla-policy.schema';
import { describeIssues, jsonPath, slaPolicyFileSchema } from './sla-policy.schema';
import type { RequestType } from './sla.vocabulary';
import { REQUEST_TYPES, SLA_PARTY_KINDS } from './sla.vocabulary';

/**
 * @param json the parsed content of the file.
 * @throws InvalidSlaPolicyError listing every problem, each with its JSON path.
 */
export function parseSlaPolicy(json: unknown): SlaPolicy {
  const parsed = slaPolicyFileSchema.safeParse(json);
  if (!parsed.success) throw new InvalidSlaPolicyError(describeIssues(parsed.error));
  const file = parsed.data;
  return {
    table: tableOf(file),
    reminderFractions: [...(file.reminderFractions ?? DEFAULT_SLA_POLICY.reminderFractions)].sort(
      (a, b) => a - b,
    ),
    calendars: calendarsOf(file),
  };
}

function tableOf(file: SlaPolicyFile): SlaTable {
  // Least specific first, so that laying them over one another leaves the most specific on top.
  const rows = (file.rows ?? [])
    .map((row, index) => ({ row, index }))
    .sort((a, b) => specificity(a.row) - specificity(b.row) || a.index - b.index)
    .map(({ row }) => row);
  return recordOf(SLA_PARTY_KINDS, (kind) =>
    recordOf(SEVERITIES, (severity) =>
      recordOf(REQUEST_TYPES, (requestType) => {
        const matching = rows.filter((row) => matches(row, kind, severity, requestType));
        return [file.default ?? {}, ...matching].reduce<SlaTarget>(
          layOver,
          DEFAULT_SLA_POLICY.table[kind][severity][requestType],
        );
      }),
    ),
  ) satisfies Record<OrganisationKind, SlaTargetsBySeverity>;
}

function specificity(row: SlaPolicyRow): number {
  return [row.kind, row.severity, row.requestType].filter((selector) => selector !== undefined).length;
}

function matches(row: SlaPolicyRow, kind: OrganisationKind, severity: Severity, requestType: RequestType) {
  return (
    (row.kind ?? kind) === kind &&
    (row.severity ?? severity) === severity &&
    (row.requestType ?? requestType) === requestType
  );
}

function layOver(target: SlaTarget, row: Partial<SlaTarget> | SlaPolicyRow): SlaTarget {
  return {
    acknowledgeWithin: row.acknowledgeWithin ?? target.acknowledgeWithin,
    actWithin: row.actWithin ?? target.actWithin,
    businessHours: row.businessHours ?? target.businessHours,
  };
}

function calendarsOf(file: SlaPolicyFile): Readonly<Record<OrganisationKind, BusinessCalendar>> {
  const problems: string[] = [];
  const calendars = recordOf(SLA_PARTY_KINDS, (kind) => {
    const base = DEFAULT_SLA_POLICY.calendars[kind];
    const common = file.businessHours?.default ?? {};
    const own = file.businessHours?.[kind] ?? {};
    const calendar: BusinessCalendar = {
      timeZone: own.timeZone ?? common.timeZone ?? base.timeZone,
      days: own.days ?? common.days ?? base.days,
      start: own.start ?? common.start ?? base.start,
      end: own.end ?? common.end ?? base.end,
    };
    try {
      // The parts are valid one by one; only together can they fail (start after end).
      checkBusinessCalendar(calendar, (field) => jsonPath(['businessHours', kind, field]));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      problems.push(error.message);
    }
    return calendar;
  });
  if (problems.length > 0) throw new InvalidSlaPolicyError(problems);
  return calendars;
}

function recordOf<K extends string, V>(keys: readonly K[], valueOf: (key: K) => V): Readonly<Record<K, V>> {
  return Object.fromEntries(keys.map((key) => [key, valueOf(key)])) as Record<K, V>;
}
