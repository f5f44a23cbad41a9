import { InvalidInputError } from '@app/core';
import type { DomainName } from '@app/core';
import { normaliseDomain, normaliseUrl } from '@app/core';
import type {
  AddIncidentDomain,
  AttachEvidence,
  CommentOnIncident,
  ReopenIncident,
  ReportIncident,
  ResolveIncident,
  TriageIncident,
} from './incident.commands';
import type { Reporter } from './incident.events';
import {
  MAX_COMMENT_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_DOMAINS_PER_INCIDENT,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MAX_MEDIA_TYPE_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_REOPEN_REASON_LENGTH,
  MAX_REPORTER_CONTACT_LENGTH,
  MAX_REPORTER_NAME_LENGTH,
  MAX_URLS_PER_INCIDENT,
  limitItems,
  optionalText,
  optionalToken,
  requiredText,
} from './incident.input-limits';

/**
 * Turn what a caller sent into the commands the decider takes: free text trimmed and bounded,
 * domains and URLs normalised. Kept out of the decider so that `decideIncident` reads as the
 * incident's rules, and so every intake path (GraphQL, X-ARF import) validates the same way.
 * Each throws InvalidInputError (BAD_USER_INPUT) naming the field.
 */

type Raw<C extends { readonly type: string }> = Omit<C, 'type'>;
/** Optional on input: absent, null and blank all mean "none". */
type Maybe<T> = T | null | undefined;

export interface ReportIncidentInput extends Omit<
  Raw<ReportIncident>,
  'domains' | 'urls' | 'idempotencyKey'
> {
  readonly domains: readonly string[];
  readonly urls?: Maybe<readonly string[]>;
  readonly idempotencyKey?: Maybe<string>;
}

/** @throws InvalidInputError; duplicate domains or URLs (after normalising) are merged, not refused. */
export function parseReportIncident(input: ReportIncidentInput): ReportIncident {
  const rawDomains = limitItems('domains', input.domains, MAX_DOMAINS_PER_INCIDENT);
  if (rawDomains.length === 0) throw new InvalidInputError('domains', [], 'must name at least one domain');
  const rawUrls = limitItems('urls', input.urls ?? [], MAX_URLS_PER_INCIDENT);
  return {
    type: 'ReportIncident',
    incidentId: input.incidentId,
    reporter: parseReporter(input.reporter),
    domains: uniqueBy(
      rawDomains.map((domain, i) => normaliseDomain(domain, `domains[${i}]`)),
      (domain: DomainName) => domain.name,
    ),
    urls: uniqueBy(
      rawUrls.map((url, i) => normaliseUrl(url, `urls[${i}]`)),
      (url: string) => url,
    ),
    category: input.category,
    description: requiredText('description', input.description, MAX_DESCRIPTION_LENGTH),
    tlp: input.tlp,
    idempotencyKey: optionalToken('idempotencyKey', input.idempotencyKey, MAX_IDEMPOTENCY_KEY_LENGTH),
  };
}

export interface TriageIncidentInput extends Omit<Raw<TriageIncident>, 'category' | 'note'> {
  readonly category?: Maybe<TriageIncident['category']>;
  readonly note?: Maybe<string>;
}

/** @throws InvalidInputError */
export function parseTriageIncident(input: TriageIncidentInput): TriageIncident {
  return {
    type: 'TriageIncident',
    severity: input.severity,
    category: input.category ?? null,
    note: optionalText('note', input.note, MAX_NOTE_LENGTH),
  };
}

/** @throws InvalidInputError */
export function parseAddIncidentDomain(input: { readonly domain: string }): AddIncidentDomain {
  return { type: 'AddIncidentDomain', domain: normaliseDomain(input.domain, 'domain') };
}

export interface AttachEvidenceInput extends Omit<Raw<AttachEvidence>, 'note'> {
  readonly note?: Maybe<string>;
}

/** @throws InvalidInputError */
export function parseAttachEvidence(input: AttachEvidenceInput): AttachEvidence {
  const sha256 = input.sha256.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/u.test(sha256)) {
    throw new InvalidInputError('sha256', input.sha256, 'must be 64 hexadecimal digits');
  }
  if (!Number.isSafeInteger(input.size) || input.size < 0) {
    throw new InvalidInputError('size', input.size, 'must be a whole number of bytes, zero or more');
  }
  const mediaType = requiredText('mediaType', input.mediaType, MAX_MEDIA_TYPE_LENGTH).toLowerCase();
  if (!/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;.*)?$/u.test(mediaType)) {
    throw new InvalidInputError('mediaType', input.mediaType, 'must be a media type such as "image/png"');
  }
  return {
    type: 'AttachEvidence',
    evidenceId: input.evidenceId,
    kind: input.kind,
    sha256,
    size: input.size,
    mediaType,
    note: optionalText('note', input.note, MAX_NOTE_LENGTH),
    content: input.content,
  };
}

/** @throws InvalidInputError */
export function parseCommentOnIncident(input: Raw<CommentOnIncident>): CommentOnIncident {
  return {
    type: 'CommentOnIncident',
    commentId: input.commentId,
    text: requiredText('text', input.text, MAX_COMMENT_LENGTH),
  };
}

export interface ResolveIncidentInput extends Omit<Raw<ResolveIncident>, 'note'> {
  readonly note?: Maybe<string>;
}

/** @throws InvalidInputError */
export function parseResolveIncident(input: ResolveIncidentInput): ResolveIncident {
  return {
    type: 'ResolveIncident',
    outcome: input.outcome,
    note: optionalText('note', input.note, MAX_NOTE_LENGTH),
  };
}

/** @throws InvalidInputError; a reopen must say why, so the reason is required. */
export function parseReopenIncident(input: Raw<ReopenIncident>): ReopenIncident {
  return { type: 'ReopenIncident', reason: requiredText('reason', input.reason, MAX_REOPEN_REASON_LENGTH) };
}

function parseReporter(reporter: Reporter): Reporter {
  return {
    organisationId: reporter.organisationId,
    name: requiredText('reporter.name', reporter.name, MAX_REPORTER_NAME_LENGTH),
    contact: optionalText('reporter.contact', reporter.contact, MAX_REPORTER_CONTACT_LENGTH),
  };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): readonly T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
