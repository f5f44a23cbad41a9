import { InvalidInputError } from '@app/core';
import type { IncidentCommand } from './incident.commands';
import type { IncidentCategory, Severity } from './incident.vocabulary';
import {
  DuplicateDomainError,
  DuplicateEvidenceError,
  IdempotencyKeyReusedError,
  IncidentAlreadyReportedError,
  IncidentAlreadyResolvedError,
  IncidentNotFoundError,
  IncidentNotResolvedError,
  TooManyDomainsError,
} from './incident.errors';
import { MAX_DOMAINS_PER_INCIDENT, MAX_URLS_PER_INCIDENT } from './incident.input-limits';
import { given } from './testing/decider-spec';
import {
  INCIDENT_ID,
  attachEvidence,
  commentAdded,
  domain,
  domainAdded,
  evidenceAttached,
  incidentReopened,
  incidentReported,
  incidentResolved,
  incidentTriaged,
  reportIncident,
  sha256Of,
} from './testing/incident-fixtures';

const reported = incidentReported();
const triage = (severity: Severity, category: IncidentCategory | null = null): IncidentCommand => ({
  type: 'TriageIncident',
  severity,
  category,
  note: null,
});
const addDomain = (name: string): IncidentCommand => ({ type: 'AddIncidentDomain', domain: domain(name) });
const comment = (commentId: string): IncidentCommand => ({
  type: 'CommentOnIncident',
  commentId,
  text: 'Registrar contacted',
});
const resolve: IncidentCommand = { type: 'ResolveIncident', outcome: 'MITIGATED', note: null };
const reopen: IncidentCommand = { type: 'ReopenIncident', reason: 'Domain is back online' };
const manyDomains = (count: number): string[] => Array.from({ length: count }, (_, i) => `phish-${i}.com`);

describe('ReportIncident', () => {
  it('reports a new incident with the command data', () => {
    given([]).when(reportIncident()).then([reported]);
  });

  it('refuses a second report of the same incident', () => {
    const error = given([reported])
      .when(reportIncident())
      .thenThrows(IncidentAlreadyReportedError, INCIDENT_ID);
    expect(error.code).toBe('CONFLICT');
  });

  it('treats a retry with the same idempotency key and content as a no-op', () => {
    const keyed = reportIncident({ idempotencyKey: 'req-42' });
    given([incidentReported(keyed)])
      .when(keyed)
      .then([]);
  });

  it('still recognises the retry after the incident was triaged and resolved', () => {
    const keyed = reportIncident({ idempotencyKey: 'req-42' });
    given([incidentReported(keyed), incidentTriaged('HIGH', 'MALWARE'), incidentResolved()])
      .when(keyed)
      .then([]);
  });

  it('refuses a reused idempotency key with different content', () => {
    const keyed = reportIncident({ idempotencyKey: 'req-42' });
    given([incidentReported(keyed)])
      .when({ ...keyed, description: 'Something else' })
      .thenThrows(IdempotencyKeyReusedError, 'req-42');
  });

  it.each([
    ['a different key', 'req-43'],
    ['no key', null],
  ])('refuses a report with %s on an existing keyed incident', (_label, idempotencyKey) => {
    const stored = incidentReported(reportIncident({ idempotencyKey: 'req-42' }));
    given([stored]).when(reportIncident({ idempotencyKey })).thenThrows(IncidentAlreadyReportedError);
  });

  it('refuses a report without domains', () => {
    given([])
      .when(reportIncident({ domains: [] }))
      .thenThrows(InvalidInputError, 'at least one domain');
  });

  it('refuses a report naming one domain twice', () => {
    const twice = reportIncident({ domains: [domain('evil.com'), domain('EVIL.com.')] });
    given([]).when(twice).thenThrows(InvalidInputError, 'evil.com');
  });

  it(`accepts ${MAX_DOMAINS_PER_INCIDENT} domains and refuses one more`, () => {
    const atLimit = reportIncident({ domains: manyDomains(MAX_DOMAINS_PER_INCIDENT).map(domain) });
    given([])
      .when(atLimit)
      .then([incidentReported(atLimit)]);
    const overLimit = reportIncident({ domains: manyDomains(MAX_DOMAINS_PER_INCIDENT + 1).map(domain) });
    given([]).when(overLimit).thenThrows(InvalidInputError, `at most ${MAX_DOMAINS_PER_INCIDENT}`);
  });

  it(`refuses more than ${MAX_URLS_PER_INCIDENT} URLs`, () => {
    const urls = manyDomains(MAX_URLS_PER_INCIDENT + 1).map((name) => `http://${name}/`);
    given([]).when(reportIncident({ urls })).thenThrows(InvalidInputError, 'urls');
  });
});

describe('every command but ReportIncident', () => {
  it.each<IncidentCommand>([
    triage('HIGH'),
    addDomain('other.com'),
    attachEvidence(),
    comment('c-1'),
    resolve,
    reopen,
  ])('$type requires an existing incident', (command) => {
    const error = given([]).when(command).thenThrows(IncidentNotFoundError, 'not found');
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('on a resolved incident', () => {
  it.each<[string, IncidentCommand, string]>([
    ['TriageIncident', triage('HIGH'), 'cannot triage it'],
    ['AddIncidentDomain', addDomain('other.com'), 'cannot add a domain to it'],
    ['AttachEvidence', attachEvidence(), 'cannot attach evidence to it'],
    ['ResolveIncident', resolve, 'cannot resolve it'],
  ])('%s is refused', (_type, command, message) => {
    const error = given([reported, incidentResolved()])
      .when(command)
      .thenThrows(IncidentAlreadyResolvedError, message);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(INCIDENT_ID);
  });

  it('still takes comments', () => {
    given([reported, incidentResolved()])
      .when(comment('c-1'))
      .then([commentAdded('c-1')]);
  });
});

describe('TriageIncident', () => {
  it('keeps the reported category when the command gives none', () => {
    given([reported])
      .when(triage('HIGH'))
      .then([incidentTriaged('HIGH', 'PHISHING')]);
  });

  it('recategorises when the command gives a category', () => {
    given([reported])
      .when(triage('LOW', 'MALWARE'))
      .then([incidentTriaged('LOW', 'MALWARE')]);
  });

  it.each([
    ['the same severity and category', triage('HIGH', 'MALWARE')],
    ['the same severity and no category', triage('HIGH')],
  ])('is a no-op with %s as the current triage', (_label, command) => {
    given([reported, incidentTriaged('HIGH', 'MALWARE')])
      .when(command)
      .then([]);
  });

  it('records a changed severity or category', () => {
    given([reported, incidentTriaged('HIGH')])
      .when(triage('LOW'))
      .then([incidentTriaged('LOW')]);
    given([reported, incidentTriaged('HIGH')])
      .when(triage('HIGH', 'MALWARE'))
      .then([incidentTriaged('HIGH', 'MALWARE')]);
  });

  it('records the same triage again after a reopen, which moves the incident back to triaged', () => {
    given([reported, incidentTriaged('HIGH'), incidentResolved(), incidentReopened()])
      .when(triage('HIGH'))
      .then([incidentTriaged('HIGH')]);
  });
});

describe('AddIncidentDomain', () => {
  it('adds a new domain', () => {
    given([reported])
      .when(addDomain('other.com'))
      .then([domainAdded('other.com')]);
  });

  it.each([
    ['reported', [reported]],
    ['added later', [reported, domainAdded('other.com')]],
  ])('refuses a domain already %s, naming it', (_label, history) => {
    const name = history.length === 1 ? 'login-paypa1.com' : 'other.com';
    given(history).when(addDomain(name.toUpperCase())).thenThrows(DuplicateDomainError, name);
  });

  it(`refuses a domain beyond ${MAX_DOMAINS_PER_INCIDENT}`, () => {
    const full = incidentReported(
      reportIncident({ domains: manyDomains(MAX_DOMAINS_PER_INCIDENT).map(domain) }),
    );
    given([full])
      .when(addDomain('one-more.com'))
      .thenThrows(TooManyDomainsError, `${MAX_DOMAINS_PER_INCIDENT}`);
    given([
      incidentReported(reportIncident({ domains: manyDomains(MAX_DOMAINS_PER_INCIDENT - 1).map(domain) })),
    ])
      .when(addDomain('one-more.com'))
      .then([domainAdded('one-more.com')]);
  });
});

describe('AttachEvidence', () => {
  it('attaches evidence with its metadata', () => {
    const command = attachEvidence({ note: 'Landing page', content: 'aGVsbG8=' });
    given([reported])
      .when(command)
      .then([evidenceAttached(command)]);
  });

  it('is a no-op when the same evidence id and content come again', () => {
    given([reported, evidenceAttached()]).when(attachEvidence()).then([]);
  });

  it('refuses the same content under another id', () => {
    const error = given([reported, evidenceAttached()])
      .when(attachEvidence({ evidenceId: 'evidence-2' }))
      .thenThrows(DuplicateEvidenceError, 'already attached');
    expect(error.existingEvidenceId).toBe('evidence-1');
  });

  it('refuses an evidence id reused for other content', () => {
    given([reported, evidenceAttached()])
      .when(attachEvidence({ sha256: sha256Of('b') }))
      .thenThrows(DuplicateEvidenceError, 'evidence-1 is already used');
  });
});

describe('CommentOnIncident', () => {
  it('adds a comment', () => {
    given([reported])
      .when(comment('c-1'))
      .then([commentAdded('c-1')]);
  });

  it('is a no-op for a comment id already recorded', () => {
    given([reported, commentAdded('c-1')])
      .when(comment('c-1'))
      .then([]);
  });
});

describe('ResolveIncident and ReopenIncident', () => {
  it.each([
    ['reported', [reported]],
    ['triaged', [reported, incidentTriaged('LOW')]],
    ['reopened', [reported, incidentResolved(), incidentReopened()]],
  ])('resolves a %s incident', (_label, history) => {
    given(history)
      .when(resolve)
      .then([incidentResolved('MITIGATED')]);
  });

  it.each([
    ['REPORTED', [reported]],
    ['TRIAGED', [reported, incidentTriaged('LOW')]],
    ['REOPENED', [reported, incidentResolved(), incidentReopened()]],
  ])('refuses to reopen a %s incident', (status, history) => {
    given(history).when(reopen).thenThrows(IncidentNotResolvedError, `status ${status}`);
  });

  it('runs the full cycle: resolve, reopen, work on it again, resolve, reopen', () => {
    const history = [
      reported,
      incidentTriaged('HIGH'),
      incidentResolved('FALSE_POSITIVE'),
      incidentReopened(),
    ];
    given(history)
      .when(addDomain('other.com'))
      .then([domainAdded('other.com')]);
    given(history).when(attachEvidence()).then([evidenceAttached()]);
    const worked = [...history, domainAdded('other.com'), incidentTriaged('LOW')];
    given(worked)
      .when(resolve)
      .then([incidentResolved('MITIGATED')]);
    given([...worked, incidentResolved()])
      .when(reopen)
      .then([incidentReopened()]);
  });
});
