import { InvalidInputError } from '@app/core';
import {
  parseAddIncidentDomain,
  parseAttachEvidence,
  parseCommentOnIncident,
  parseReopenIncident,
  parseReportIncident,
  parseResolveIncident,
  parseTriageIncident,
  type ReportIncidentInput,
} from './incident.command-parsers';
import {
  MAX_COMMENT_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_DOMAINS_PER_INCIDENT,
  MAX_NOTE_LENGTH,
  MAX_REPORTER_NAME_LENGTH,
} from './incident.input-limits';
import { INCIDENT_ID, attachEvidence, domain } from './testing/incident-fixtures';

const reportInput = (overrides: Partial<ReportIncidentInput> = {}): ReportIncidentInput => ({
  incidentId: INCIDENT_ID,
  reporter: { organisationId: null, name: ' CERT-EX ', contact: '  ' },
  domains: ['Login-PayPa1.com.'],
  category: 'PHISHING',
  description: '  Phishing page  ',
  tlp: 'AMBER',
  ...overrides,
});

const refusal = (parse: () => unknown, field: string): void => {
  expect(parse).toThrow(InvalidInputError);
  expect(parse).toThrow(new RegExp(`^${field.replace('.', '\\.')}: `));
};

describe('parseReportIncident', () => {
  it('trims text, turns blanks into null and normalises names', () => {
    expect(parseReportIncident(reportInput({ urls: [' HTTPS://Login-PayPa1.com/x '] }))).toEqual({
      type: 'ReportIncident',
      incidentId: INCIDENT_ID,
      reporter: { organisationId: null, name: 'CERT-EX', contact: null },
      domains: [domain('login-paypa1.com')],
      urls: ['https://login-paypa1.com/x'],
      category: 'PHISHING',
      description: 'Phishing page',
      tlp: 'AMBER',
      idempotencyKey: null,
    });
  });

  it('merges domains and URLs that are equal once normalised', () => {
    const command = parseReportIncident(
      reportInput({
        domains: ['evil.com', 'EVIL.COM.', 'bücher.de', 'xn--bcher-kva.de'],
        urls: ['http://a.com', 'HTTP://A.COM/'],
      }),
    );
    expect(command.domains.map((d) => d.name)).toEqual(['evil.com', 'xn--bcher-kva.de']);
    expect(command.urls).toEqual(['http://a.com/']);
  });

  it('keeps an idempotency key exactly as sent', () => {
    expect(parseReportIncident(reportInput({ idempotencyKey: 'Req-42' })).idempotencyKey).toBe('Req-42');
  });

  it.each<[string, Partial<ReportIncidentInput>]>([
    ['domains', { domains: [] }],
    ['domains\\[1\\]', { domains: ['evil.com', 'co.uk'] }],
    ['domains', { domains: Array.from({ length: MAX_DOMAINS_PER_INCIDENT + 1 }, (_, i) => `d${i}.com`) }],
    ['urls\\[0\\]', { urls: ['ftp://evil.com/'] }],
    ['description', { description: '   ' }],
    ['description', { description: 'x'.repeat(MAX_DESCRIPTION_LENGTH + 1) }],
    ['description', { description: 'nul \u0000 inside' }],
    ['reporter.name', { reporter: { organisationId: null, name: '', contact: null } }],
    [
      'reporter.name',
      { reporter: { organisationId: null, name: 'n'.repeat(MAX_REPORTER_NAME_LENGTH + 1), contact: null } },
    ],
    ['idempotencyKey', { idempotencyKey: '' }],
    ['idempotencyKey', { idempotencyKey: 'has space' }],
  ])('refuses a bad %s', (field, overrides) => {
    refusal(() => parseReportIncident(reportInput(overrides)), field);
  });

  it(`accepts a description of exactly ${MAX_DESCRIPTION_LENGTH} characters`, () => {
    const description = 'x'.repeat(MAX_DESCRIPTION_LENGTH);
    expect(parseReportIncident(reportInput({ description })).description).toBe(description);
  });
});

describe('parsers of the other commands', () => {
  it('triage: category and note default to null', () => {
    expect(parseTriageIncident({ severity: 'HIGH' })).toEqual({
      type: 'TriageIncident',
      severity: 'HIGH',
      category: null,
      note: null,
    });
    refusal(() => parseTriageIncident({ severity: 'HIGH', note: 'n'.repeat(MAX_NOTE_LENGTH + 1) }), 'note');
  });

  it('add domain: normalises, refuses an invalid name under the field "domain"', () => {
    expect(parseAddIncidentDomain({ domain: 'Other.COM' }).domain.name).toBe('other.com');
    refusal(() => parseAddIncidentDomain({ domain: 'other' }), 'domain');
  });

  it('evidence: lower-cases the hash and media type, refuses bad metadata', () => {
    const { type: _type, ...input } = attachEvidence({
      sha256: 'A'.repeat(64),
      mediaType: 'Image/PNG',
      note: ' ',
    });
    expect(parseAttachEvidence(input)).toEqual(
      attachEvidence({ sha256: 'a'.repeat(64), mediaType: 'image/png' }),
    );
    refusal(() => parseAttachEvidence({ ...input, sha256: 'abc' }), 'sha256');
    refusal(() => parseAttachEvidence({ ...input, size: -1 }), 'size');
    refusal(() => parseAttachEvidence({ ...input, size: 1.5 }), 'size');
    refusal(() => parseAttachEvidence({ ...input, mediaType: 'png' }), 'mediaType');
  });

  it('comment: text is required and bounded', () => {
    expect(parseCommentOnIncident({ commentId: 'c-1', text: ' hi ' }).text).toBe('hi');
    refusal(() => parseCommentOnIncident({ commentId: 'c-1', text: ' ' }), 'text');
    refusal(
      () => parseCommentOnIncident({ commentId: 'c-1', text: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }),
      'text',
    );
  });

  it('resolve: the note is optional; reopen: the reason is required', () => {
    expect(parseResolveIncident({ outcome: 'DUPLICATE', note: null })).toEqual({
      type: 'ResolveIncident',
      outcome: 'DUPLICATE',
      note: null,
    });
    expect(parseReopenIncident({ reason: ' Back online ' }).reason).toBe('Back online');
    refusal(() => parseReopenIncident({ reason: '' }), 'reason');
  });
});
