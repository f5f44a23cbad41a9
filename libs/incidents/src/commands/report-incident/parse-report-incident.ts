import { InvalidInputError, type CommandContext } from '@app/core';
import type { ReportIncident } from '../../domain/incident.commands';
import { normaliseDomain, normaliseUrl } from '../../domain/domain-name.normalise';
import {
  limitItems,
  MAX_DESCRIPTION_LENGTH,
  MAX_DOMAINS_PER_INCIDENT,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MAX_REPORTER_CONTACT_LENGTH,
  MAX_REPORTER_NAME_LENGTH,
  MAX_URLS_PER_INCIDENT,
  optionalText,
  optionalToken,
  requiredText,
} from '../../domain/incident.input-limits';
import type { ReportIncidentRequest } from './report-incident.command';

/** Turns API input into the decider's command; every problem is a BAD_USER_INPUT naming the field. */
export function parseReportIncident(
  request: ReportIncidentRequest,
  context: CommandContext,
  incidentIdFor: (idempotencyScope: string | null) => string,
): ReportIncident {
  const names = limitItems('domains', request.domains, MAX_DOMAINS_PER_INCIDENT);
  if (names.length === 0) throw new InvalidInputError('domains', [], 'must name at least one domain');
  const domains = uniqueBy(
    names.map((name, i) => normaliseDomain(name, `domains[${i}]`)),
    (domain) => domain.name,
  );
  const urls = uniqueBy(
    limitItems('urls', request.urls ?? [], MAX_URLS_PER_INCIDENT).map((url, i) => normaliseUrl(url, `urls[${i}]`)),
    (url) => url,
  );
  const reporter = {
    organisationId: context.actor.organisationId,
    name: requiredText('reporter.name', request.reporter.name, MAX_REPORTER_NAME_LENGTH),
    contact: optionalText('reporter.contact', request.reporter.contact, MAX_REPORTER_CONTACT_LENGTH),
  };
  const idempotencyKey = optionalToken('idempotencyKey', request.idempotencyKey, MAX_IDEMPOTENCY_KEY_LENGTH);
  const scope =
    idempotencyKey === null
      ? null
      : `${reporter.organisationId ?? `name:${reporter.name.toLowerCase()}`}\n${idempotencyKey}`;
  return {
    type: 'ReportIncident',
    incidentId: incidentIdFor(scope),
    reporter,
    domains,
    urls,
    category: request.category,
    description: requiredText('description', request.description, MAX_DESCRIPTION_LENGTH),
    tlp: request.tlp ?? 'AMBER',
    idempotencyKey,
  };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)) !== undefined);
}
