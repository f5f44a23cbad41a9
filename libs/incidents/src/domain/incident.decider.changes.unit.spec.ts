/** Commands that change an open incident; existence, resolution and reopening are in incident.decider.unit.spec.ts. */
import { DuplicateDomainError, DuplicateEvidenceError, TooManyDomainsError } from './incident.errors';
import { MAX_DOMAINS_PER_INCIDENT } from './incident.input-limits';
import { given } from './testing/decider-spec';
import {
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
  reportIncident,
  sha256Of,
  triageIncident,
} from './testing/incident-fixtures';

const reported = incidentReported();

describe('TriageIncident', () => {
  it('keeps the reported category when the command gives none', () => {
    given([reported])
      .when(triageIncident('HIGH'))
      .then([incidentTriaged('HIGH', 'PHISHING')]);
  });

  it('recategorises when the command gives a category', () => {
    given([reported])
      .when(triageIncident('LOW', 'MALWARE'))
      .then([incidentTriaged('LOW', 'MALWARE')]);
  });

  it.each([
    ['the same severity and category', triageIncident('HIGH', 'MALWARE')],
    ['the same severity and no category', triageIncident('HIGH')],
  ])('is a no-op with %s as the current triage', (_label, command) => {
    given([reported, incidentTriaged('HIGH', 'MALWARE')])
      .when(command)
      .then([]);
  });

  it('records a changed severity or category', () => {
    given([reported, incidentTriaged('HIGH')])
      .when(triageIncident('LOW'))
      .then([incidentTriaged('LOW')]);
    given([reported, incidentTriaged('HIGH')])
      .when(triageIncident('HIGH', 'MALWARE'))
      .then([incidentTriaged('HIGH', 'MALWARE')]);
  });

  it('records the same triage again after a reopen, which moves the incident back to triaged', () => {
    given([reported, incidentTriaged('HIGH'), incidentResolved(), incidentReopened()])
      .when(triageIncident('HIGH'))
      .then([incidentTriaged('HIGH')]);
  });
});

describe('AddIncidentDomain', () => {
  it('adds a new domain', () => {
    given([reported])
      .when(addIncidentDomain('other.com'))
      .then([domainAdded('other.com')]);
  });

  it.each([
    ['reported', [reported]],
    ['added later', [reported, domainAdded('other.com')]],
  ])('refuses a domain already %s, naming it', (_label, history) => {
    const name = history.length === 1 ? 'login-paypa1.com' : 'other.com';
    given(history).when(addIncidentDomain(name.toUpperCase())).thenThrows(DuplicateDomainError, name);
  });

  it(`refuses a domain beyond ${MAX_DOMAINS_PER_INCIDENT}`, () => {
    const full = incidentReported(
      reportIncident({ domains: manyDomainNames(MAX_DOMAINS_PER_INCIDENT).map(domain) }),
    );
    given([full])
      .when(addIncidentDomain('one-more.com'))
      .thenThrows(TooManyDomainsError, `${MAX_DOMAINS_PER_INCIDENT}`);
    given([
      incidentReported(
        reportIncident({ domains: manyDomainNames(MAX_DOMAINS_PER_INCIDENT - 1).map(domain) }),
      ),
    ])
      .when(addIncidentDomain('one-more.com'))
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
      .when(commentOnIncident('c-1'))
      .then([commentAdded('c-1')]);
  });

  it('is a no-op for a comment id already recorded', () => {
    given([reported, commentAdded('c-1')])
      .when(commentOnIncident('c-1'))
      .then([]);
  });
});
