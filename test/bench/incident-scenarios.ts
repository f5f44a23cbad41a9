import { systemActor } from '@app/core';
import type { IncidentCommand } from '../../libs/incidents/src/domain/incident.commands';
import type { ExistingIncident } from '../../libs/incidents/src/domain/incident.state';
import type { Severity, Tlp } from '../../libs/incidents/src/domain/incident.vocabulary';
import {
  acknowledge,
  answer,
  approve,
  askForMore,
  breach,
  decline,
  escalate,
  reminder,
  takedown,
} from './escalation-steps';
import {
  CENTRE,
  coordinator,
  decisionFor,
  domainOf,
  member,
  PLATFORM,
  REGISTRY,
  registrarOf,
  REPORTERS,
  reporterOf,
} from './scenario-parties';
import type { IncidentIds, Scenario, ScenarioStep, Step } from './scenario-step';

const SEVERITY_CYCLE: readonly Severity[] = ['MEDIUM', 'HIGH', 'LOW', 'CRITICAL', 'MEDIUM'];

const route =
  (index: number): Step =>
  (ids, state, now) => {
    const domain = domainOf(ids, index);
    const command: IncidentCommand = {
      type: 'RecordRouting',
      domain: domain.name,
      decision: decisionFor(domain, ids, now),
    };
    return { command, actor: systemActor, at: now };
  };

const triage: Step = (ids, _state, now) => ({
  command: {
    type: 'TriageIncident',
    severity: SEVERITY_CYCLE[ids.n % SEVERITY_CYCLE.length] ?? 'MEDIUM',
    category: null,
    note: 'Confirmed live phishing kit',
  },
  actor: coordinator(ids),
  at: now,
});

const comment =
  (index: 0 | 1, text: string): Step =>
  (ids, _state, now) => ({
    command: { type: 'CommentOnIncident', commentId: ids.commentIds[index], text },
    actor: coordinator(ids),
    at: now,
  });

const resolve =
  (outcome: 'MITIGATED' | 'NOT_ACTIONABLE'): Step =>
  (ids, _state, now) => ({
    command: { type: 'ResolveIncident', outcome, note: outcome === 'MITIGATED' ? 'Domain suspended' : null },
    actor: coordinator(ids),
    at: now,
  });

function attachEvidence(ids: IncidentIds, _state: ExistingIncident, now: Date): ScenarioStep {
  const sha256 = (ids.n.toString(16).padStart(8, '0') + 'ab').repeat(7).slice(0, 64);
  const content = Buffer.from(
    `Received: from mail.${ids.n}.example\nSubject: Verify your account\n`,
  ).toString('base64');
  return {
    command: {
      type: 'AttachEvidence',
      evidenceId: ids.evidenceId,
      kind: 'EMAIL',
      sha256,
      size: 1800,
      mediaType: 'message/rfc822',
      note: 'Lure e-mail',
      content,
    },
    actor: member(reporterOf(ids).organisationId, ids.n),
    at: now,
  };
}

function share(ids: IncidentIds, _state: ExistingIncident, now: Date): ScenarioStep {
  const peer = REPORTERS[(ids.n + 7) % REPORTERS.length] ?? CENTRE;
  return {
    command: { type: 'ShareIncident', organisationId: peer.organisationId, name: peer.name },
    actor: coordinator(ids),
    at: now,
  };
}

function addDomain(ids: IncidentIds, _state: ExistingIncident, now: Date): ScenarioStep {
  return {
    command: { type: 'AddIncidentDomain', domain: domainOf(ids, 1) },
    actor: coordinator(ids),
    at: now,
  };
}

function reopen(ids: IncidentIds, _state: ExistingIncident, now: Date): ScenarioStep {
  return {
    command: { type: 'ReopenIncident', reason: 'The domain resolves again' },
    actor: coordinator(ids),
    at: now,
  };
}

function report(tlp: Tlp, domains: 1 | 2): Scenario['report'] {
  return (ids, now) => {
    const reporter = reporterOf(ids);
    const names = Array.from({ length: domains }, (_, i) => domainOf(ids, i));
    const command: IncidentCommand = {
      type: 'ReportIncident',
      incidentId: ids.incidentId,
      reporter: {
        organisationId: reporter.organisationId,
        name: reporter.name,
        contact: `soc@cert-${ids.n % 60}.example.org`,
      },
      domains: names,
      urls: names.map((d) => `https://${d.name}/signin?session=${ids.n}`),
      category: 'PHISHING',
      description: `Credential phishing page #${ids.n} imitating a payment provider, reported by ${reporter.name}`,
      tlp,
      idempotencyKey: `report-${ids.n}`,
    };
    return { command, actor: member(reporter.organisationId, ids.n), at: now };
  };
}

/**
 * Five kinds of history, 8 to 12 events each, every command decided by the real deciders: a plain
 * takedown; a missed deadline that moves the case up to the registry; evidence, approval and a
 * question before a refusal; a TLP:RED case shared and still open; a reopened case asked again.
 */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'takedown',
    report: report('AMBER', 1),
    steps: [
      route(0),
      triage,
      escalate(0, registrarOf),
      acknowledge(0),
      comment(0, 'Registrar contacted by phone'),
      takedown(0, 'CLIENT_HOLD'),
      resolve('MITIGATED'),
    ],
  },
  {
    name: 'breach',
    report: report('GREEN', 1),
    steps: [
      route(0),
      triage,
      escalate(0, registrarOf),
      reminder,
      breach,
      acknowledge(1),
      takedown(1, 'SERVER_HOLD'),
      resolve('MITIGATED'),
    ],
  },
  {
    name: 'questions',
    report: report('AMBER_STRICT', 2),
    steps: [
      route(0),
      route(1),
      triage,
      attachEvidence,
      escalate(0, registrarOf, true),
      approve,
      acknowledge(0),
      askForMore,
      answer,
      decline,
      resolve('NOT_ACTIONABLE'),
    ],
  },
  {
    name: 'shared',
    report: report('RED', 1),
    steps: [
      share,
      route(0),
      triage,
      addDomain,
      route(1),
      escalate(0, () => PLATFORM),
      acknowledge(0),
      comment(0, 'Hoster asked for the kit archive'),
    ],
  },
  {
    name: 'reopened',
    report: report('CLEAR', 1),
    steps: [
      route(0),
      triage,
      escalate(0, registrarOf),
      acknowledge(0),
      takedown(0, 'SUSPENDED'),
      resolve('MITIGATED'),
      reopen,
      comment(0, 'Back online on a new host'),
      escalate(1, () => REGISTRY),
    ],
  },
];
