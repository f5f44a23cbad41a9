import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEVERITIES } from '../incident.vocabulary';
import type { Severity } from '../incident.vocabulary';
import type { Duration } from './sla-duration';
import { DEFAULT_SLA_POLICY } from './sla-policy';
import type { SlaTarget } from './sla-policy';
import { REQUEST_TYPES, SLA_PARTY_KINDS } from './sla.vocabulary';

const DOC = join(__dirname, '..', '..', '..', '..', '..', 'docs', 'sla-defaults.md');
const COLUMNS: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

/** As the document writes a duration: hours round the clock, business days on business hours. */
function shown(duration: Duration, businessHours: boolean): string {
  const hours = duration.ms / 3_600_000;
  if (businessHours && hours === 0) return `${duration.days} bd`;
  if (!businessHours && duration.days === 0) return `${hours} h`;
  return `${duration.days} ${businessHours ? 'bd' : 'd'} + ${hours} h`;
}
const cell = (target: SlaTarget) =>
  `${shown(target.acknowledgeWithin, target.businessHours)} / ${shown(target.actWithin, target.businessHours)}`;

describe('docs/sla-defaults.md', () => {
  it('shows DEFAULT_SLA_POLICY as it is', () => {
    expect(COLUMNS).toEqual([...SEVERITIES].reverse());
    const doc = readFileSync(DOC, 'utf8');
    for (const kind of SLA_PARTY_KINDS) {
      for (const requestType of REQUEST_TYPES) {
        const cells = COLUMNS.map((severity) => cell(DEFAULT_SLA_POLICY.table[kind][severity][requestType]));
        expect(doc).toContain(`| ${kind} | ${requestType} | ${cells.join(' | ')} |`);
      }
    }
  });
});
