/** Which terms one escalation runs on: the policy's cell for the party, adjusted by the party's own terms. */
import { InvalidInputError } from '@app/core';
import type { OrganisationKind } from '@app/directory';
import type { Severity } from '../incident.vocabulary';
import type { BusinessCalendar } from './business-time';
import { checkBusinessCalendar } from './business-time';
import { LONGEST_DURATION_DAYS, durationMs } from './sla-duration';
import type { SlaPolicy, SlaTerms } from './sla-policy';
import type { RequestType } from './sla.vocabulary';
import { UNTRIAGED_SEVERITY } from './sla.vocabulary';
import { DAY_MS } from './zoned-time';

const LONGEST_MS = LONGEST_DURATION_DAYS * DAY_MS;

/**
 * An organisation's own terms, as its directory entry states them. Each field given replaces the
 * policy's, at every severity and request type; fields left out (or undefined, as zod and read
 * models give them) keep the policy's.
 *
 * The durations count on the clock the policy cell uses: business ms when the cell counts business
 * hours, elapsed ms otherwise. The hours adjust the party's calendar; whether a clock counts business
 * hours at all stays the policy's call, because that follows the severity (a CRITICAL incident runs
 * round the clock whatever the office hours).
 */
export interface SlaOverride {
  readonly acknowledgeWithinMs?: number | undefined;
  readonly actWithinMs?: number | undefined;
  /** IANA time zone of the organisation. */
  readonly timeZone?: string | undefined;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  readonly businessDays?: readonly number[] | undefined;
  /** `HH:MM`. */
  readonly businessStart?: string | undefined;
  /** `HH:MM`; `24:00` is the end of the day. */
  readonly businessEnd?: string | undefined;
}

/**
 * Resolves the terms of an escalation to a party of `kind`.
 *
 * @param severity null for an untriaged incident: MEDIUM terms apply, and `severityAssumed` says so.
 * @throws InvalidInputError when the override holds a duration that is not a positive whole number
 *   of ms, or hours that make no calendar (validate overrides with `slaOverrideSchema` on input).
 */
export function slaTermsFor(
  policy: SlaPolicy,
  kind: OrganisationKind,
  severity: Severity | null,
  requestType: RequestType,
  override: SlaOverride | null = null,
): SlaTerms {
  const appliedSeverity = severity ?? UNTRIAGED_SEVERITY;
  const target = policy.table[kind][appliedSeverity][requestType];
  const ownCalendar = calendarWith(policy.calendars[kind], override);
  const calendar = target.businessHours ? ownCalendar : null;
  return {
    acknowledgeWithinMs:
      overriddenMs(override?.acknowledgeWithinMs, 'acknowledgeWithinMs') ??
      durationMs(target.acknowledgeWithin, calendar),
    actWithinMs: overriddenMs(override?.actWithinMs, 'actWithinMs') ?? durationMs(target.actWithin, calendar),
    calendar,
    reminderFractions: policy.reminderFractions,
    severity: appliedSeverity,
    severityAssumed: severity === null,
  };
}

/** The kind's calendar under the override's fields; checked even when unused, so a bad entry shows early. */
function calendarWith(base: BusinessCalendar, override: SlaOverride | null): BusinessCalendar {
  const calendar: BusinessCalendar = {
    timeZone: override?.timeZone ?? base.timeZone,
    days: override?.businessDays ?? base.days,
    start: override?.businessStart ?? base.start,
    end: override?.businessEnd ?? base.end,
  };
  checkBusinessCalendar(calendar, (field) => `slaOverride.${OVERRIDE_FIELDS[field]}`);
  return calendar;
}

const OVERRIDE_FIELDS = {
  timeZone: 'timeZone',
  days: 'businessDays',
  start: 'businessStart',
  end: 'businessEnd',
} as const satisfies Record<keyof BusinessCalendar, keyof SlaOverride>;

function overriddenMs(value: number | undefined, field: string): number | undefined {
  if (value !== undefined && !(Number.isSafeInteger(value) && value > 0 && value <= LONGEST_MS)) {
    throw new InvalidInputError(
      `slaOverride.${field}`,
      value,
      `must be a whole number of ms, more than 0 and at most ${LONGEST_DURATION_DAYS} days`,
    );
  }
  return value;
}
