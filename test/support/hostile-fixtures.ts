import {
  addMemberWithToken,
  ADD_CONTACT,
  ISSUE_TOKEN,
  ME,
  registerOrganisation,
} from './directory-operations';
import type { DnsccServer } from './dnscc-server';
import { aReport, ATTACH_EVIDENCE, REPORT, RESOLVE } from './incident-operations';
import type { HostileFixtures } from './hostile-targets';
import { ESCALATE } from './sla-operations';

/**
 * What the hostile targets aim at: incidents (one open with evidence and escalations, one
 * resolved, one reported by a CSIRT), organisations of every kind with contacts, a CSIRT member
 * whose token the suite uses, spare tokens it may lose, and real cursors.
 */
export async function createHostileFixtures(
  server: DnsccServer,
): Promise<{ fixtures: HostileFixtures; csirtToken: string }> {
  const coordinatorToken = server.coordinatorToken ?? '';
  const api = server.client();
  const { me } = await api.expectData<{ me: { member: { id: string; organisationId: string } } }>(ME);
  const csirt = await registerOrganisation(api, {
    kind: 'CSIRT',
    name: 'CERT Hostile',
    coverage: { countries: ['FR'] },
  });
  const registrar = await registerOrganisation(api, {
    kind: 'REGISTRAR',
    name: 'Hostile Registrar',
    coverage: { ianaId: 9999 },
  });
  const registry = await registerOrganisation(api, {
    kind: 'REGISTRY',
    name: 'Hostile .fr',
    coverage: { tlds: ['fr'] },
  });
  const platform = await registerOrganisation(api, {
    kind: 'HOSTING_PLATFORM',
    name: 'Hostile Pages',
    coverage: { suffixes: ['pages.dev'] },
  });
  const contactIds: string[] = [];
  for (const [organisationId, email] of [
    [csirt.id, 'abuse@cert-hostile.example'],
    [csirt.id, 'soc@cert-hostile.example'],
    [registrar.id, 'abuse@registrar.example'],
  ] as const) {
    const { addContact } = await api.expectData<{ addContact: { contact: { contactId: string } } }>(
      ADD_CONTACT,
      {
        input: { organisationId, role: 'ABUSE', email },
      },
    );
    contactIds.push(addContact.contact.contactId);
  }
  const analyst = await addMemberWithToken(api, csirt.id, 'Hostile Analyst', true);
  const spareTokenIds: string[] = [];
  for (const label of ['spare one', 'spare two']) {
    const { issueApiToken } = await api.expectData<{ issueApiToken: { apiToken: { id: string } } }>(
      ISSUE_TOKEN,
      {
        input: { memberId: analyst.memberId, label },
      },
    );
    spareTokenIds.push(issueApiToken.apiToken.id);
  }
  const report = async (client: typeof api, domains: string[]): Promise<string> => {
    const { reportIncident } = await client.expectData<{ reportIncident: { incident: { id: string } } }>(
      REPORT,
      {
        input: aReport({ domains }),
      },
    );
    return reportIncident.incident.id;
  };
  const open = await report(api, ['login-paypa1.example.com', 'phish.example.fr']);
  const resolved = await report(api, ['old-phish.example.com']);
  const csirtReported = await report(server.client(analyst.token), ['malware.pages.dev']);
  await api.expectData(RESOLVE, { input: { incidentId: resolved, outcome: 'MITIGATED' } });
  const { attachEvidence } = await api.expectData<{
    attachEvidence: { incident: { evidence: { id: string }[] } };
  }>(ATTACH_EVIDENCE, {
    input: {
      incidentId: open,
      kind: 'HTTP_CAPTURE',
      mediaType: 'text/html',
      contentBase64: 'PGh0bWw+ZmFrZTwvaHRtbD4=',
    },
  });
  const escalationIds: string[] = [];
  for (const organisationId of [registrar.id, csirt.id]) {
    const { escalateIncident } = await api.expectData<{ escalateIncident: { escalation: { id: string } } }>(
      ESCALATE,
      {
        input: { incidentId: open, organisationId, requestType: 'TAKEDOWN', message: 'Please act' },
      },
    );
    escalationIds.push(escalateIncident.escalation.id);
  }
  const cursor = async (root: 'incidents' | 'organisations'): Promise<string> => {
    const data = await api.expectData<Record<string, { pageInfo: { endCursor: string } }>>(
      `{ ${root}(first: 1) { pageInfo { endCursor } } }`,
    );
    return data[root]?.pageInfo.endCursor ?? '';
  };
  return {
    csirtToken: analyst.token,
    fixtures: {
      incidentIds: [open, resolved, csirtReported],
      evidenceIds: attachEvidence.incident.evidence.map((e) => e.id),
      organisationIds: [me.member.organisationId, csirt.id, registrar.id, registry.id, platform.id],
      contactIds,
      memberIds: [me.member.id, analyst.memberId],
      spareTokenIds,
      escalationIds,
      incidentCursors: [await cursor('incidents')],
      organisationCursors: [await cursor('organisations')],
      coordinatorToken,
    },
  };
}
