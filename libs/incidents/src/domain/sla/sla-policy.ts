/**
 * The SLA policy of escalations: how long each kind of party has to acknowledge and to act, by the
 * incident's severity and what is asked. Defaults come from the norms in DOMAIN.md ("Response-time
 * norms"); docs/sla-defaults.md shows the same table with its sources. A file named by SLA_POLICY
 * replaces any part of it (see sla-policy.parser.ts).
 */
import type { OrganisationKind } from '@app/directory';
import type { Severity } from '../incident.vocabulary';
import type { BusinessCalendar } from './business-time';
import type { Duration } from './sla-duration';
import { days, hours } from './sla-duration';
import type { RequestType } from './sla.vocabulary';

/** One cell of the policy: both clocks, and whether they count business hours or run round the clock. */
export interface SlaTarget {
  readonly acknowledgeWithin: Duration;
  readonly actWithin: Duration;
  readonly businessHours: boolean;
}

export type SlaTargetsBySeverity = Readonly<Record<Severity, Readonly<Record<RequestType, SlaTarget>>>>;
export type SlaTable = Readonly<Record<OrganisationKind, SlaTargetsBySeverity>>;

export interface SlaPolicy {
  readonly table: SlaTable;
  /** Fractions of a clock's duration at which to remind the party, ascending, each in (0, 1). */
  readonly reminderFractions: readonly number[];
  /** Business hours of each kind of party, until its own terms (an `SlaOverride`) say otherwise. */
  readonly calendars: Readonly<Record<OrganisationKind, BusinessCalendar>>;
}

/** The terms one escalation runs on, resolved from the policy and the party's own terms. */
export interface SlaTerms {
  readonly acknowledgeWithinMs: number;
  readonly actWithinMs: number;
  /** Null: both clocks run round the clock (elapsed time). */
  readonly calendar: BusinessCalendar | null;
  readonly reminderFractions: readonly number[];
  /** The severity the terms were read for. */
  readonly severity: Severity;
  /** True when the incident was untriaged and MEDIUM stood in for its severity. */
  readonly severityAssumed: boolean;
}

/** Half-way, then a last call with a tenth of the time left. */
export const DEFAULT_REMINDER_FRACTIONS: readonly number[] = [0.5, 0.9];

/**
 * Monday-Friday 09:00-17:00 UTC for every kind: a party's own zone and hours come from its
 * directory entry (an `SlaOverride`); UTC is the neutral stand-in and has no DST.
 */
const OFFICE_HOURS: BusinessCalendar = {
  timeZone: 'UTC',
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
};
export const DEFAULT_BUSINESS_CALENDARS: Readonly<Record<OrganisationKind, BusinessCalendar>> = {
  REGISTRAR: OFFICE_HOURS,
  REGISTRY: OFFICE_HOURS,
  CSIRT: OFFICE_HOURS,
  HOSTING_PLATFORM: OFFICE_HOURS,
  COORDINATION_CENTRE: OFFICE_HOURS,
};

/** One request type's targets at each severity. */
type SeverityProfile = Readonly<Record<Severity, SlaTarget>>;

const roundTheClock = (acknowledgeWithin: Duration, actWithin: Duration): SlaTarget => ({
  acknowledgeWithin,
  actWithin,
  businessHours: false,
});
const businessHours = (acknowledgeWithin: Duration, actWithin: Duration): SlaTarget => ({
  acknowledgeWithin,
  actWithin,
  businessHours: true,
});

/*
 * Severity scales every profile the same way: CRITICAL (imminent harm) and HIGH (ongoing harm) run
 * round the clock on the 24x7 contacts the norms require; MEDIUM is the norm as written, in
 * business days; LOW has no harm in progress and gets a business week. Each severity's deadline is
 * never later than the next lower one's from any start time (checked in the unit spec).
 */

/** Mitigation by a registrar, a gTLD/ccTLD registry or, by analogy, a hosting platform. */
const MITIGATION: SeverityProfile = {
  // 1 h: the 24x7 abuse line (RAA 2013 s3.18.2); 12 h: imminent harm needs "more quickly" (Advisory),
  // half of the 24 h review of RAA s3.18.3.
  CRITICAL: roundTheClock(hours(1), hours(12)),
  // 4 h: one shift of the 24x7 line; 24 h: RAA s3.18.3, reviewed by someone empowered to act.
  HIGH: roundTheClock(hours(4), hours(24)),
  // 1 business day: RAA s3.18.1 (2024) confirm receipt; 2 business days: ICANN Advisory examples
  // (registrar, phishing domain; registry review before its time-bound referral).
  MEDIUM: businessHours(days(1), days(2)),
  // No harm in progress: twice the acknowledgement, one business week to act ("promptly" still applies).
  LOW: businessHours(days(2), days(5)),
};

/** Investigation by a contracted party, and every request to a CSIRT or coordination centre. */
const INVESTIGATION: SeverityProfile = {
  // 1 h: 24x7 line / CSIRT duty officer; 24 h: RAA s3.18.3 review, NIS2 Art. 23 early warning.
  CRITICAL: roundTheClock(hours(1), hours(24)),
  // 4 h: one shift; 48 h: between NIS2 Art. 23's 24 h and 72 h, kept under MEDIUM's 3 business days.
  HIGH: roundTheClock(hours(4), hours(48)),
  // 1 business day: Trusted Introducer; 3 business days: Advisory (compromised legitimate domain),
  // NIS2 Art. 23's 72 h in working days.
  MEDIUM: businessHours(days(1), days(3)),
  // No harm in progress: twice the acknowledgement, one business week to act.
  LOW: businessHours(days(2), days(5)),
};

/** Registration-data requests to registrars and registries: NIS2 Art. 28(5) caps them at 72 h. */
const REGISTRATION_DATA: SeverityProfile = {
  // 1 h: 24x7 line; 24 h: the RAA s3.18.3 review window, a third of the statutory 72 h.
  CRITICAL: roundTheClock(hours(1), hours(24)),
  // 4 h: one shift; 48 h: inside the NIS2 Art. 28(5) 72 h.
  HIGH: roundTheClock(hours(4), hours(48)),
  // 24 h: RAA s3.18.3 review; 72 h round the clock: NIS2 Art. 28(5) caps the answer at 72 h.
  MEDIUM: roundTheClock(hours(24), hours(72)),
  // 72 h is a legal ceiling: LOW cannot stretch it.
  LOW: roundTheClock(hours(24), hours(72)),
};

/** Turns per-severity profiles by request type into the severity-major shape of the table. */
function byRequestType(profiles: Readonly<Record<RequestType, SeverityProfile>>): SlaTargetsBySeverity {
  const row = (severity: Severity) => ({
    TAKEDOWN: profiles.TAKEDOWN[severity],
    INVESTIGATE: profiles.INVESTIGATE[severity],
    INFORMATION: profiles.INFORMATION[severity],
  });
  return { CRITICAL: row('CRITICAL'), HIGH: row('HIGH'), MEDIUM: row('MEDIUM'), LOW: row('LOW') };
}

const DEFAULT_SLA_TABLE: SlaTable = {
  // RAA s3.18 (2013/2024) and the ICANN Advisory (5 Feb 2024); NIS2 Art. 28(5) for registration data.
  REGISTRAR: byRequestType({
    TAKEDOWN: MITIGATION,
    INVESTIGATE: INVESTIGATION,
    INFORMATION: REGISTRATION_DATA,
  }),
  // RA Spec 6 s4.2 and the Advisory's 2 business days; ccTLDs have their own policies: use overrides.
  REGISTRY: byRequestType({
    TAKEDOWN: MITIGATION,
    INVESTIGATE: INVESTIGATION,
    INFORMATION: REGISTRATION_DATA,
  }),
  // No contractual norm: the registrar's figures by analogy; NIS2 Art. 28(5) does not bind hosts.
  HOSTING_PLATFORM: byRequestType({
    TAKEDOWN: MITIGATION,
    INVESTIGATE: INVESTIGATION,
    INFORMATION: INVESTIGATION,
  }),
  // Trusted Introducer (one working day), NIS2 Art. 23 (24 h / 72 h); a CSIRT relays a takedown to
  // the party that can act, so it gets the investigation profile, not the 2-day mitigation.
  CSIRT: byRequestType({ TAKEDOWN: INVESTIGATION, INVESTIGATE: INVESTIGATION, INFORMATION: INVESTIGATION }),
  // Peer coordination centres are teams like CSIRTs (Trusted Introducer listed).
  COORDINATION_CENTRE: byRequestType({
    TAKEDOWN: INVESTIGATION,
    INVESTIGATE: INVESTIGATION,
    INFORMATION: INVESTIGATION,
  }),
};

/** The policy without a SLA_POLICY file. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  table: DEFAULT_SLA_TABLE,
  reminderFractions: DEFAULT_REMINDER_FRACTIONS,
  calendars: DEFAULT_BUSINESS_CALENDARS,
};
