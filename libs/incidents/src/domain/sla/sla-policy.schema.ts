/**
 * The SLA_POLICY file's shape (zod). Durations are ISO 8601 (`PT24H`, `P2D`, `PT5S`) or whole
 * seconds; unknown keys are refused, so a misspelt field fails loudly instead of being ignored.
 * How the parts take precedence is `parseSlaPolicy`'s business (sla-policy.parser.ts).
 */
import { z } from 'zod';
import { SEVERITIES } from '../incident.vocabulary';
import { minutesOfClockTime } from './business-time';
import type { Duration } from './sla-duration';
import { LONGEST_DURATION_DAYS, parseIsoDuration, seconds } from './sla-duration';
import { REQUEST_TYPES, SLA_PARTY_KINDS } from './sla.vocabulary';
import { DAY_MS, isKnownTimeZone } from './zoned-time';

const DURATION_RULE =
  'must be an ISO 8601 duration such as "PT24H", "P2D" or "PT5S", or whole seconds (86400)';

/**
 * A duration longer than zero (a zero deadline would be breached the moment it starts) and no longer
 * than LONGEST_DURATION_DAYS.
 */
export const durationSchema = z
  .union([z.string(), z.number()], { error: DURATION_RULE })
  .transform((value, context): Duration => {
    const duration =
      typeof value === 'number'
        ? Number.isSafeInteger(value)
          ? seconds(value)
          : null
        : parseIsoDuration(value);
    if (duration === null || (duration.days <= 0 && duration.ms <= 0)) {
      context.addIssue({ code: 'custom', message: `${DURATION_RULE}, longer than zero`, input: value });
      return z.NEVER;
    }
    if (duration.days * DAY_MS + duration.ms > LONGEST_DURATION_DAYS * DAY_MS) {
      context.addIssue({
        code: 'custom',
        message: `must be at most P${LONGEST_DURATION_DAYS}D`,
        input: value,
      });
      return z.NEVER;
    }
    return duration;
  });

const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;

/** Messages for an object with a closed set of keys; listing them makes a typo quick to fix. */
const objectErrors =
  (known: readonly string[]) =>
  (issue: { code?: string; keys?: readonly string[] }): string | undefined => {
    if (issue.code === 'invalid_type') return 'must be a JSON object';
    if (issue.code !== 'unrecognized_keys') return undefined;
    const keys = (issue.keys ?? []).map((key) => JSON.stringify(key)).join(', ');
    return `unknown key ${keys} (known: ${known.join(', ')})`;
  };

/** A JSON object with the given keys only. */
const objectOf = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject(shape, { error: objectErrors(Object.keys(shape)) });

const kindSchema = z.enum(SLA_PARTY_KINDS, { error: oneOf(SLA_PARTY_KINDS) });
const severitySchema = z.enum(SEVERITIES, { error: oneOf(SEVERITIES) });
const requestTypeSchema = z.enum(REQUEST_TYPES, { error: oneOf(REQUEST_TYPES) });

const targetFields = {
  acknowledgeWithin: durationSchema.optional(),
  actWithin: durationSchema.optional(),
  /** Whether both clocks count only business hours (true) or run round the clock (false). */
  businessHours: z.boolean({ error: 'must be true or false' }).optional(),
};
const TARGET_FIELDS = Object.keys(targetFields);

/** The `default` row: what every combination gets unless a row says otherwise. */
export const defaultRowSchema = objectOf(targetFields);

/** A row: selectors left out match every value (`{"kind": "CSIRT", ...}` is every CSIRT cell). */
export const rowSchema = objectOf({
  kind: kindSchema.optional(),
  severity: severitySchema.optional(),
  requestType: requestTypeSchema.optional(),
  ...targetFields,
}).superRefine((row, context) => {
  if (row.kind === undefined && row.severity === undefined && row.requestType === undefined) {
    context.addIssue({
      code: 'custom',
      message: 'needs at least one of kind, severity, requestType (put terms for all in "default")',
    });
  }
  if (row.acknowledgeWithin === undefined && row.actWithin === undefined && row.businessHours === undefined) {
    context.addIssue({ code: 'custom', message: `gives none of ${TARGET_FIELDS.join(', ')}` });
  }
});
export type SlaPolicyRow = z.infer<typeof rowSchema>;

const clockTimeSchema = (latest: string) =>
  z.string({ error: `must be "HH:MM", 00:00-${latest}` }).refine((text) => {
    const minutes = minutesOfClockTime(text);
    return minutes !== null && text <= latest;
  }, `must be "HH:MM", 00:00-${latest}`);

/** Any part of a calendar; the rest comes from the kind's default calendar. */
export const calendarPatchSchema = objectOf({
  timeZone: z
    .string({ error: 'must be an IANA time zone such as "Europe/Paris"' })
    .refine(isKnownTimeZone, 'must be an IANA time zone such as "Europe/Paris"')
    .optional(),
  days: z
    .array(z.int({ error: 'must be a whole number' }).min(1, 'must be 1-7').max(7, 'must be 1-7'), {
      error: 'must be a list of ISO weekdays, 1 = Monday ... 7 = Sunday',
    })
    .min(1, 'must name at least one day')
    .refine((days) => new Set(days).size === days.length, 'must not repeat a day')
    .optional(),
  start: clockTimeSchema('23:59').optional(),
  // 24:00 lets a business day run to midnight.
  end: clockTimeSchema('24:00').optional(),
});
export type CalendarPatch = z.infer<typeof calendarPatchSchema>;

const fractionsSchema = z
  .array(
    z
      .number({ error: 'must be a number between 0 and 1' })
      .gt(0, 'must be more than 0')
      .lt(1, 'must be less than 1 (the deadline itself is not a reminder)'),
    { error: 'must be a list of fractions such as [0.5, 0.9]' },
  )
  .refine((fractions) => new Set(fractions).size === fractions.length, 'must not repeat a fraction');

const CALENDAR_KEYS = ['default', ...SLA_PARTY_KINDS] as const;

/** The whole file. `$schema` and `description` are for people and editors and are not read. */
export const slaPolicyFileSchema = objectOf({
  $schema: z.string().optional(),
  description: z.string().optional(),
  default: defaultRowSchema.optional(),
  rows: z.array(rowSchema, { error: 'must be a list of rows' }).optional(),
  reminderFractions: fractionsSchema.optional(),
  /** Calendars by kind; `default` applies to every kind, a kind's entry over it. */
  businessHours: z
    .partialRecord(z.enum(CALENDAR_KEYS), calendarPatchSchema, { error: objectErrors(CALENDAR_KEYS) })
    .optional(),
}).superRefine((file, context) => {
  const seen = new Map<string, number>();
  (file.rows ?? []).forEach((row, index) => {
    const selector = `${row.kind ?? '*'}/${row.severity ?? '*'}/${row.requestType ?? '*'}`;
    const earlier = seen.get(selector);
    if (earlier !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['rows', index],
        message: `selects the same kind/severity/requestType as $.rows[${earlier}]; merge them`,
      });
    }
    seen.set(selector, index);
  });
});
export type SlaPolicyFile = z.infer<typeof slaPolicyFileSchema>;

/** An organisation's own terms (`SlaOverride`), for the directory to check where they come in. */
export const slaOverrideSchema = objectOf({
  acknowledgeWithinMs: z
    .int()
    .positive()
    .max(LONGEST_DURATION_DAYS * DAY_MS)
    .optional(),
  actWithinMs: z
    .int()
    .positive()
    .max(LONGEST_DURATION_DAYS * DAY_MS)
    .optional(),
  timeZone: calendarPatchSchema.shape.timeZone,
  businessDays: calendarPatchSchema.shape.days,
  businessStart: calendarPatchSchema.shape.start,
  businessEnd: calendarPatchSchema.shape.end,
});

/** Each issue as `<JSON path>: <what is wrong>`, the path written `$.rows[2].actWithin`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${jsonPath(issue.path)}: ${issue.message}`);
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (written, key) =>
      typeof key === 'number'
        ? `${written}[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(key))
          ? `${written}.${String(key)}`
          : `${written}[${JSON.stringify(String(key))}]`,
    '$',
  );
}
