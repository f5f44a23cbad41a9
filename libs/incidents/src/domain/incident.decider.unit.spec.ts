import { InvalidInputError } from '@app/core';
import type { IncidentCommand } from './incident.commands';
import {
  IdempotencyKeyReusedError,
  IncidentAlreadyReportedError,
  IncidentAlreadyResolvedError,
  IncidentNotFoundError,
  IncidentNotResolvedError,
} from './incident.errors';
import { MAX_DOMAINS_PER_INCIDENT, MAX_URLS_PER_INCIDENT } from './incident.input-limits';
import { given } from './testing/decider-spec';
import {
  INCIDENT_ID,
  addIncidentDomain,
  attachEvidence,
  commentAdded,
  commentOnIncident,
  domain,
  domainAdded,
  evidenceAttached,
  incidentReopened,
  incidentReported,
  incidentResolved,
  incidentTriaged,
  manyDomainNames,
  reopenIncident,
  reportIncident,
  resolveIncident,
  triageIncident,
} from './testing/incident-fixtures';

const reported = incidentReported();

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
    const atLimit = reportIncident({ domains: manyDomainNames(MAX_DOMAINS_PER_INCIDENT).map(domain) });
    given([])
      .when(atLimit)
      .then([incidentReported(atLimit)]);
    const overLimit = reportIncident({ domains: manyDomainNames(MAX_DOMAINS_PER_INCIDENT + 1).map(domain) });
    given([]).when(overLimit).thenThrows(InvalidInputError, `at most ${MAX_DOMAINS_PER_INCIDENT}`);
  });

  it(`refuses more than ${MAX_URLS_PER_INCIDENT} URLs`, () => {
    const urls = manyDomainNames(MAX_URLS_PER_INCIDENT + 1).map((name) => `http://${name}/`);
    given([]).when(reportIncident({ urls })).thenThrows(InvalidInputError, 'urls');
  });
});

describe('every command but ReportIncident', () => {
  it.each<IncidentCommand>([
    triageIncident('HIGH'),
    addIncidentDomain('other.com'),
    attachEvidence(),
    commentOnIncident('c-1'),
    resolveIncident,
    reopenIncident,
  ])('$type requires an existing incident', (command) => {
    const error = given([]).when(command).thenThrows(IncidentNotFoundError, 'not found');
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('on a resolved incident', () => {
  it.each<[string, IncidentCommand, string]>([
    ['TriageIncident', triageIncident('HIGH'), 'cannot triage it'],
    ['AddIncidentDomain', addIncidentDomain('other.com'), 'cannot add a domain to it'],
    ['AttachEvidence', attachEvidence(), 'cannot attach evidence to it'],
    ['ResolveIncident', resolveIncident, 'cannot resolve it'],
  ])('%s is refused', (_type, command, message) => {
    const error = given([reported, incidentResolved()])
      .when(command)
      .thenThrows(IncidentAlreadyResolvedError, message);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(INCIDENT_ID);
  });

  it('still takes comments', () => {
    given([reported, incidentResolved()])
      .when(commentOnIncident('c-1'))
      .then([commentAdded('c-1')]);
  });
});

describe('ResolveIncident and ReopenIncident', () => {
  it.each([
    ['reported', [reported]],
    ['triaged', [reported, incidentTriaged('LOW')]],
    ['reopened', [reported, incidentResolved(), incidentReopened()]],
  ])('resolves a %s incident', (_label, history) => {
    given(history)
      .when(resolveIncident)
      .then([incidentResolved('MITIGATED')]);
  });

  it.each([
    ['REPORTED', [reported]],
    ['TRIAGED', [reported, incidentTriaged('LOW')]],
    ['REOPENED', [reported, incidentResolved(), incidentReopened()]],
  ])('refuses to reopen a %s incident', (status, history) => {
    given(history).when(reopenIncident).thenThrows(IncidentNotResolvedError, `status ${status}`);
  });

  it('runs the full cycle: resolve, reopen, work on it again, resolve, reopen', () => {
    const history = [
      reported,
      incidentTriaged('HIGH'),
      incidentResolved('FALSE_POSITIVE'),
      incidentReopened(),
    ];
    given(history)
      .when(addIncidentDomain('other.com'))
      .then([domainAdded('other.com')]);
    given(history).when(attachEvidence()).then([evidenceAttached()]);
    const worked = [...history, domainAdded('other.com'), incidentTriaged('LOW')];
    given(worked)
      .when(resolveIncident)
      .then([incidentResolved('MITIGATED')]);
    given([...worked, incidentResolved()])
      .when(reopenIncident)
      .then([incidentReopened()]);
  });
});
