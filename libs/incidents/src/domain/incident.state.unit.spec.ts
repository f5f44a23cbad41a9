import {
  InvalidIncidentStreamError,
  evolveIncident,
  foldIncident,
  initialIncidentState,
} from './incident.state';
import {
  INCIDENT_ID,
  commentAdded,
  domainAdded,
  evidenceAttached,
  incidentReopened,
  incidentReported,
  incidentResolved,
  incidentTriaged,
  reportIncident,
} from './testing/incident-fixtures';

describe('evolveIncident', () => {
  it('starts absent', () => {
    expect(initialIncidentState).toEqual({ kind: 'absent' });
  });

  it('records the report', () => {
    const state = foldIncident([incidentReported(reportIncident({ idempotencyKey: 'req-1', tlp: 'RED' }))]);
    expect(state).toMatchObject({
      kind: 'existing',
      incidentId: INCIDENT_ID,
      status: 'REPORTED',
      reporter: { name: 'CERT-EX' },
      domains: ['login-paypa1.com'],
      category: 'PHISHING',
      severity: null,
      tlp: 'RED',
      idempotencyKey: 'req-1',
      evidence: [],
      commentIds: [],
      resolution: null,
    });
  });

  it('follows triage, additions, resolution and reopening', () => {
    const history = [
      incidentReported(),
      incidentTriaged('HIGH', 'MALWARE'),
      domainAdded('other.com'),
      evidenceAttached(),
      commentAdded('c-1'),
      incidentResolved('MITIGATED', 'Suspended by registrar'),
    ];
    expect(foldIncident(history)).toMatchObject({
      status: 'RESOLVED',
      severity: 'HIGH',
      category: 'MALWARE',
      domains: ['login-paypa1.com', 'other.com'],
      evidence: [{ evidenceId: 'evidence-1', sha256: 'a'.repeat(64) }],
      commentIds: ['c-1'],
      resolution: { outcome: 'MITIGATED', note: 'Suspended by registrar' },
    });
    expect(foldIncident([...history, incidentReopened()])).toMatchObject({
      status: 'REOPENED',
      severity: 'HIGH',
      resolution: null,
    });
  });

  it('does not mutate the state it is given', () => {
    const before = foldIncident([incidentReported()]);
    const snapshot = JSON.stringify(before);
    evolveIncident(before, domainAdded('other.com'));
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it.each([
    ['an event before the report', [incidentTriaged('LOW')]],
    ['a second report', [incidentReported(), incidentReported()]],
  ])('refuses a stream with %s', (_label, events) => {
    expect(() => foldIncident(events)).toThrow(InvalidIncidentStreamError);
  });
});
