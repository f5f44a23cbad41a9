import type { Actor, EventMetadata } from '@app/core';
import type { RoutingDecision } from '@app/directory';
import type { EscalationEvent, EscalationParty } from '../escalation.events';
import type { IncidentEvent } from '../incident.events';
import { SEVERITIES, TLPS } from '../incident.vocabulary';
import { CENTRE, REGISTRAR, REGISTRY, escalationRequest, escalationSent } from './escalation-fixtures';
import {
  commentAdded,
  domain,
  domainAdded,
  evidenceAttached,
  attachEvidence,
  incidentReopened,
  incidentReported,
  incidentResolved,
  incidentTriaged,
  reportIncident,
} from './incident-fixtures';

/** One event of a synthetic log, with the incident it belongs to. */
export interface SyntheticIncidentEvent {
  readonly incidentId: string;
  readonly event: IncidentEvent;
  readonly metadata: EventMetadata;
}

const START = Date.parse('2026-11-27T08:00:00.000Z');
const id = (kind: number, n: number): string =>
  `01900000-0000-7000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;
const at = (minutes: number): string => new Date(START + minutes * 60_000).toISOString();

/**
 * A deterministic log of `incidents` incidents with every kind of event (sharing, routing,
 * escalations with approval, reminders, questions, breaches and moves up the chain, answers,
 * resolution and reopening), the incidents interleaved as in a busy centre: each starts a little
 * after the previous one and spaces its events out, so a batch of the log mixes many incidents.
 */
export function syntheticIncidentLog(incidents: number): SyntheticIncidentEvent[] {
  const timed: { tick: number; n: number; k: number; item: SyntheticIncidentEvent }[] = [];
  for (let n = 0; n < incidents; n++) {
    historyOf(n).forEach((event, k) => {
      const tick = Math.floor(n / 40) + 3 * k;
      const actor: Actor = { kind: 'member', organisationId: `org-${n % 50}`, memberId: `member-${n % 7}` };
      const metadata: EventMetadata = {
        eventId: id(0xe, n * 64 + k),
        correlationId: `synthetic-${n}`,
        causationId: `synthetic-${n}`,
        actor,
        occurredAt: at(tick),
      };
      timed.push({ tick, n, k, item: { incidentId: id(0x1, n), event, metadata } });
    });
  }
  timed.sort((a, b) => a.tick - b.tick || a.n - b.n || a.k - b.k);
  return timed.map((t) => t.item);
}

function historyOf(n: number): IncidentEvent[] {
  const incidentId = id(0x1, n);
  const first = id(0x2, n);
  const next = id(0x3, n);
  const name = `site-${n}.example.com`;
  const awaitingApproval = n % 5 === 0;
  const events: IncidentEvent[] = [
    incidentReported(
      reportIncident({
        incidentId,
        reporter: {
          organisationId: n % 7 === 0 ? null : `org-${n % 50}`,
          name: 'CERT-EX',
          contact: null,
        },
        domains: n % 4 === 0 ? [domain(name), domain(`www.${name}`)] : [domain(name)],
        urls: [`https://${name}/login`],
        tlp: TLPS[n % TLPS.length] ?? 'AMBER',
      }),
    ),
    { type: 'IncidentRouted', data: { domain: name, fingerprint: `fp-${n}`, decision: decisionFor(name) } },
    incidentTriaged(SEVERITIES[n % SEVERITIES.length] ?? 'LOW'),
    escalationSent(
      escalationRequest({
        escalationId: first,
        party: partyFor(n),
        domains: [name],
        reporterVerifiedCsirt: n % 3 === 0,
        awaitingApproval,
        clocks: clocksFrom(3),
      }),
    ),
  ];
  if (awaitingApproval) events.push(escalation('EscalationApproved', first, { clocks: clocksFrom(4) }));
  events.push(domainAdded(`mirror-${n}.example.fr`));
  if (n % 3 === 0)
    events.push({ type: 'IncidentShared', data: { organisationId: `org-${(n + 1) % 50}`, name: 'Peer' } });
  events.push(escalation('EscalationAcknowledged', first, { acknowledgedAt: at(6) }));
  events.push(commentAdded(id(0x4, n), `note ${n}`));
  if (n % 4 === 0) {
    events.push(escalation('MoreInfoRequested', first, { question: 'Which URL?', requestedAt: at(8) }));
    events.push(
      escalation('InfoProvided', first, {
        answer: 'The login page',
        providedAt: at(9),
        clocks: clocksFrom(9),
      }),
    );
  }
  events.push(
    escalation('SlaReminderIssued', first, {
      clock: 'ACTION',
      fraction: 0.5,
      dueAt: at(60),
      issuedAt: at(10),
    }),
  );
  if (n % 2 === 0) events.push(evidenceAttached(attachEvidence({ evidenceId: id(0x5, n) })));
  if (n % 6 === 1) {
    events.push(escalation('SlaBreached', first, { clock: 'ACTION', dueAt: at(12), breachedAt: at(12) }));
    events.push({
      type: 'EscalatedToNextParty',
      data: { fromEscalationId: first, toEscalationId: next, to: REGISTRY, clock: 'ACTION' },
    });
    events.push(
      escalationSent(
        escalationRequest({
          escalationId: next,
          party: REGISTRY,
          nextParties: [CENTRE],
          domains: [name],
          clocks: clocksFrom(12),
        }),
        2,
        first,
      ),
    );
  } else if (n % 2 === 0) {
    events.push(
      escalation('TakedownActionRecorded', first, {
        action: 'CLIENT_HOLD',
        evidence: null,
        recordedAt: at(12),
      }),
    );
  } else {
    events.push(
      escalation('TakedownDeclined', first, {
        reasonCode: 'NOT_ABUSE',
        reason: 'Parked page',
        declinedAt: at(12),
      }),
    );
  }
  if (n % 3 === 0) {
    events.push(incidentResolved());
    if (n % 2 === 0) events.push(incidentReopened());
  }
  return events;
}

function escalation(
  type: Exclude<EscalationEvent['type'], 'EscalationSent' | 'EscalatedToNextParty'>,
  escalationId: string,
  data: Record<string, unknown>,
): EscalationEvent {
  return { type, data: { escalationId, ...data } } as EscalationEvent;
}

const partyFor = (n: number): EscalationParty =>
  n % 2 === 0 ? REGISTRAR : { ...REGISTRAR, organisationId: `org-${(n + 3) % 50}` };

const clocksFrom = (minute: number) => [
  {
    clock: 'ACKNOWLEDGEMENT' as const,
    startedAt: at(minute),
    dueAt: at(minute + 30),
    reminders: [{ fraction: 0.5, at: at(minute + 15) }],
  },
  {
    clock: 'ACTION' as const,
    startedAt: at(minute),
    dueAt: at(minute + 60),
    reminders: [{ fraction: 0.5, at: at(minute + 30) }],
  },
];

function decisionFor(name: string): RoutingDecision {
  const registrar = {
    role: 'REGISTRAR' as const,
    organisationId: REGISTRAR.organisationId,
    name: REGISTRAR.name,
    ianaId: 1234,
    contacts: [{ role: 'ABUSE' as const, email: 'abuse@registrar.example', phone: null, webFormUrl: null }],
    confidence: 'HIGH' as const,
    evidence: [{ source: `RDAP https://rdap.example/domain/${name}`, fetchedAt: at(1) }],
  };
  return {
    domain: name,
    registrableDomain: name,
    publicSuffix: 'com',
    tld: 'com',
    tldType: 'GENERIC',
    country: null,
    platform: null,
    registry: null,
    registrar,
    csirt: null,
    chain: [registrar],
    unknowns: [],
    decidedAt: at(1),
  };
}
