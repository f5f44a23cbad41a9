import { createHash } from 'node:crypto';
import { DnsccServer } from './support/dnscc-server';
import { GraphqlClient } from './support/graphql-client';
import {
  ADD_DOMAIN,
  AS_OF,
  ATTACH_EVIDENCE,
  COMMENT,
  GET,
  REOPEN,
  REPORT,
  RESOLVE,
  TRIAGE,
  aReport,
} from './support/incident-operations';

interface Incident {
  id: string;
  status: string;
  severity: string | null;
  category: string;
  version: number;
  domains: { name: string; unicode: string; registrableDomain: string; tld: string }[];
  evidence: { id: string; sha256: string; size: number; contentStored: boolean }[];
  comments: { text: string }[];
  resolution: { outcome: string } | null;
  timeline?: {
    version: number;
    type: string;
    summary: string;
    occurredAt: string;
    actor: { kind: string };
    correlationId: string;
  }[];
}

describe('incident lifecycle over HTTP', () => {
  let server: DnsccServer;
  let api: GraphqlClient;

  beforeAll(async () => {
    // An api-only process: no worker routes incidents behind the test's back, so versions are exact.
    server = await DnsccServer.start({ env: { ROLE: 'api' } });
    api = server.client(undefined, { 'x-correlation-id': 'e2e-lifecycle' });
  });
  afterAll(() => server.dispose());

  const report = async (input: Record<string, unknown>) =>
    (await api.expectData<{ reportIncident: { replayed: boolean; incident: Incident } }>(REPORT, { input }))
      .reportIncident;

  it('goes report -> triage -> add domain -> evidence -> comment -> resolve -> reopen, with a full timeline', async () => {
    const { incident: reported } = await report(
      aReport({ domains: ['Login-PAYPA1.example.com.', 'bücher.de'] }),
    );
    expect(reported).toMatchObject({ status: 'REPORTED', severity: null, version: 1 });
    expect(reported.domains.map((d) => d.name)).toEqual(['login-paypa1.example.com', 'xn--bcher-kva.de']);
    expect(reported.domains[1]?.unicode).toBe('bücher.de');
    const id = reported.id;

    const triaged = await api.expectData<{ triageIncident: { incident: Incident } }>(TRIAGE, {
      input: { incidentId: id, severity: 'HIGH', category: 'MALWARE', expectedVersion: 1 },
    });
    expect(triaged.triageIncident.incident).toMatchObject({
      status: 'TRIAGED',
      severity: 'HIGH',
      category: 'MALWARE',
      version: 2,
    });

    const added = await api.expectData<{ addIncidentDomain: { incident: Incident } }>(ADD_DOMAIN, {
      input: { incidentId: id, domain: 'secure-login.co.uk' },
    });
    expect(added.addIncidentDomain.incident.domains.at(-1)).toMatchObject({
      name: 'secure-login.co.uk',
      registrableDomain: 'secure-login.co.uk',
      tld: 'uk',
    });

    const content = Buffer.from('<html>fake login</html>');
    const attached = await api.expectData<{ attachEvidence: { incident: Incident } }>(ATTACH_EVIDENCE, {
      input: {
        incidentId: id,
        kind: 'HTTP_CAPTURE',
        contentBase64: content.toString('base64'),
        mediaType: 'text/html',
      },
    });
    expect(attached.attachEvidence.incident.evidence[0]).toMatchObject({
      size: content.length,
      contentStored: true,
    });
    const evidence = attached.attachEvidence.incident.evidence[0];
    expect(evidence?.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    const stored = await api.expectData<{ evidenceContent: { contentBase64: string; mediaType: string } }>(
      'query($i: ID!, $e: ID!) { evidenceContent(incidentId: $i, evidenceId: $e) { contentBase64 mediaType } }',
      { i: id, e: evidence?.id },
    );
    expect(stored.evidenceContent).toEqual({
      contentBase64: content.toString('base64'),
      mediaType: 'text/html',
    });

    await api.expectData(COMMENT, { input: { incidentId: id, text: 'Registrar contacted by phone' } });
    const resolved = await api.expectData<{ resolveIncident: { incident: Incident } }>(RESOLVE, {
      input: { incidentId: id, outcome: 'MITIGATED', note: 'clientHold' },
    });
    expect(resolved.resolveIncident.incident).toMatchObject({
      status: 'RESOLVED',
      resolution: { outcome: 'MITIGATED' },
    });

    const reopened = await api.expectData<{ reopenIncident: { incident: Incident } }>(REOPEN, {
      input: { incidentId: id, reason: 'Domain resolves again' },
    });
    expect(reopened.reopenIncident.incident).toMatchObject({
      status: 'REOPENED',
      resolution: null,
      version: 7,
    });

    const { incident } = await api.expectData<{ incident: Incident }>(GET, { id });
    expect(incident.timeline?.map((e) => e.type)).toEqual([
      'IncidentReported',
      'IncidentTriaged',
      'DomainAdded',
      'EvidenceAttached',
      'CommentAdded',
      'IncidentResolved',
      'IncidentReopened',
    ]);
    expect(incident.timeline?.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const entry of incident.timeline ?? []) {
      expect(entry.actor.kind).toBe('member');
      expect(entry.correlationId).toBe('e2e-lifecycle');
      expect(Date.parse(entry.occurredAt)).not.toBeNaN();
    }
    expect(incident.timeline?.[1]?.summary).toBe('Triaged as HIGH MALWARE');
  });

  it('answers incidentAsOf with the state at each past moment, replayed from the stream', async () => {
    const { incident } = await report(aReport({ domains: ['time-travel.example.org'] }));
    const pause = () => new Promise((resolve) => setTimeout(resolve, 15));
    await pause();
    await api.expectData(TRIAGE, { input: { incidentId: incident.id, severity: 'CRITICAL' } });
    await pause();
    await api.expectData(RESOLVE, { input: { incidentId: incident.id, outcome: 'FALSE_POSITIVE' } });

    const { incident: now } = await api.expectData<{ incident: Incident }>(GET, { id: incident.id });
    const at = (now.timeline ?? []).map((e) => e.occurredAt);
    const asOf = async (instant: string) =>
      (await api.expectData<{ incidentAsOf: Incident }>(AS_OF, { id: incident.id, at: instant }))
        .incidentAsOf;

    expect(await asOf(at[0]!)).toMatchObject({ status: 'REPORTED', severity: null, version: 1 });
    expect(await asOf(at[1]!)).toMatchObject({ status: 'TRIAGED', severity: 'CRITICAL', version: 2 });
    const last = await asOf(new Date().toISOString());
    expect(last).toMatchObject({ status: 'RESOLVED', version: 3 });
    expect(last.timeline?.map((e) => e.type)).toEqual([
      'IncidentReported',
      'IncidentTriaged',
      'IncidentResolved',
    ]);

    const before = await api.expectError(AS_OF, {
      id: incident.id,
      at: new Date(Date.parse(at[0]!) - 1000).toISOString(),
    });
    expect(before.extensions?.code).toBe('NOT_FOUND');
  });

  it('returns the same incident when a report is retried with its idempotency key', async () => {
    const input = aReport({ domains: ['retry.example.net'], idempotencyKey: 'cert-ee-2026-0042' });
    const first = await report(input);
    const second = await report(input);
    expect(first.replayed).toBe(false);
    expect(second.replayed).toBe(true);
    expect(second.incident.id).toBe(first.incident.id);
    expect(second.incident.version).toBe(1);

    const reused = await api.expectError(REPORT, {
      input: { ...input, description: 'something else entirely' },
    });
    expect(reused.extensions?.code).toBe('CONFLICT');
    expect(reused.message).toContain('cert-ee-2026-0042');
  });

  it('applies the documented defaults on the interpreted and the compiled (JIT) path alike', async () => {
    const withoutTlp = { ...aReport(), tlp: undefined };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { incident } = await report({ ...withoutTlp, domains: [`jit-${attempt}.example.com`] });
      expect(incident).toMatchObject({ status: 'REPORTED', tlp: 'AMBER' });
      const attach = await api.request(ATTACH_EVIDENCE, {
        input: { incidentId: incident.id, kind: 'LOG', contentBase64: Buffer.from('x').toString('base64') },
      });
      expect(attach.errors).toEqual([]);
    }
  });

  it('rejects a stale expectedVersion with CONFLICT and changes nothing', async () => {
    const { incident } = await report(aReport({ domains: ['stale.example.com'] }));
    await api.expectData(TRIAGE, { input: { incidentId: incident.id, severity: 'LOW', expectedVersion: 1 } });
    const stale = await api.expectError(TRIAGE, {
      input: { incidentId: incident.id, severity: 'HIGH', expectedVersion: 1 },
    });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, actualVersion: 2 });
    const { incident: after } = await api.expectData<{ incident: Incident }>(GET, { id: incident.id });
    expect(after).toMatchObject({ severity: 'LOW', version: 2 });
  });

  it('enforces the invariants with typed errors', async () => {
    const { incident } = await report(aReport({ domains: ['dup.example.com'] }));
    const duplicate = await api.expectError(ADD_DOMAIN, {
      input: { incidentId: incident.id, domain: 'DUP.example.com.' },
    });
    expect(duplicate.extensions?.code).toBe('CONFLICT');
    await api.expectData(RESOLVE, { input: { incidentId: incident.id, outcome: 'DUPLICATE' } });
    const triageResolved = await api.expectError(TRIAGE, {
      input: { incidentId: incident.id, severity: 'LOW' },
    });
    expect(triageResolved.extensions?.code).toBe('CONFLICT');
    const reopenTwice = await api.expectData(REOPEN, {
      input: { incidentId: incident.id, reason: 'new evidence' },
    });
    expect(reopenTwice).toBeTruthy();
    const notResolved = await api.expectError(REOPEN, {
      input: { incidentId: incident.id, reason: 'again' },
    });
    expect(notResolved.extensions?.code).toBe('CONFLICT');
  });
});
