import { InvalidInputError } from '@app/core';
import {
  AlreadyEscalatedError,
  EscalationClosedError,
  EscalationNotFoundError,
  NotAwaitingInformationError,
} from './escalation.errors';
import { IncidentAlreadyResolvedError } from './incident.errors';
import { given } from './testing/decider-spec';
import {
  ACK_DUE,
  CENTRE,
  clocks,
  ESCALATION_ID,
  escalationRequest,
  escalationSent,
  NEXT_ESCALATION_ID,
  REGISTRY,
} from './testing/escalation-fixtures';
import { incidentReported, incidentResolved } from './testing/incident-fixtures';

const reported = incidentReported();
const sent = escalationSent();
const at = (iso: string) => iso;

describe('escalating an incident', () => {
  it('sends a request with its clocks and the chain silence will climb', () => {
    given([reported])
      .when({ type: 'EscalateIncident', ...escalationRequest() })
      .then([sent]);
  });

  it('refuses a domain the incident does not name, a second open request to the same party, and resolved incidents', () => {
    given([reported])
      .when({ type: 'EscalateIncident', ...escalationRequest({ domains: ['other.com'] }) })
      .thenThrows(InvalidInputError);
    given([reported, sent])
      .when({ type: 'EscalateIncident', ...escalationRequest({ escalationId: NEXT_ESCALATION_ID }) })
      .thenThrows(AlreadyEscalatedError);
    given([reported, incidentResolved()])
      .when({ type: 'EscalateIncident', ...escalationRequest() })
      .thenThrows(IncidentAlreadyResolvedError);
  });
});

describe("the party's answers", () => {
  it('acknowledges once; a repeat changes nothing', () => {
    const acknowledged = {
      type: 'EscalationAcknowledged' as const,
      data: { escalationId: ESCALATION_ID, acknowledgedAt: at('2026-11-27T11:00:00.000Z') },
    };
    given([reported, sent])
      .when({ type: 'AcknowledgeEscalation', escalationId: ESCALATION_ID, at: '2026-11-27T11:00:00.000Z' })
      .then([acknowledged]);
    given([reported, sent, acknowledged])
      .when({ type: 'AcknowledgeEscalation', escalationId: ESCALATION_ID, at: '2026-11-27T12:00:00.000Z' })
      .then([]);
  });

  it('cannot decline or act on a withdrawn request, and knows no other escalation', () => {
    const withdrawn = {
      type: 'EscalationWithdrawn' as const,
      data: { escalationId: ESCALATION_ID, reason: 'duplicate', withdrawnAt: '2026-11-27T11:00:00.000Z' },
    };
    given([reported, sent, withdrawn])
      .when({
        type: 'DeclineTakedown',
        escalationId: ESCALATION_ID,
        reasonCode: 'NOT_ABUSE',
        reason: 'no',
        at: '2026-11-27T12:00:00.000Z',
      })
      .thenThrows(EscalationClosedError);
    given([reported, sent])
      .when({ type: 'AcknowledgeEscalation', escalationId: 'nope', at: '2026-11-27T12:00:00.000Z' })
      .thenThrows(EscalationNotFoundError);
  });

  it('answers a question only when one is open', () => {
    given([reported, sent])
      .when({
        type: 'ProvideInformation',
        escalationId: ESCALATION_ID,
        answer: 'here',
        at: '2026-11-27T12:00:00.000Z',
        resumed: [],
      })
      .thenThrows(NotAwaitingInformationError);
  });
});

describe('timers', () => {
  const breach = (dueAt = ACK_DUE, atTime = '2026-11-28T10:00:01.000Z') =>
    ({
      type: 'RecordSlaBreach',
      escalationId: ESCALATION_ID,
      clock: 'ACKNOWLEDGEMENT',
      dueAt,
      at: atTime,
      next: null,
    }) as const;

  it('records a reminder once, and ignores a reminder for an older schedule', () => {
    const reminder = {
      type: 'RecordSlaReminder',
      escalationId: ESCALATION_ID,
      clock: 'ACKNOWLEDGEMENT',
      fraction: 0.5,
      dueAt: ACK_DUE,
      at: '2026-11-27T22:00:00.000Z',
    } as const;
    const issued = {
      type: 'SlaReminderIssued' as const,
      data: {
        escalationId: ESCALATION_ID,
        clock: 'ACKNOWLEDGEMENT' as const,
        fraction: 0.5,
        dueAt: ACK_DUE,
        issuedAt: reminder.at,
      },
    };
    given([reported, sent]).when(reminder).then([issued]);
    given([reported, sent, issued]).when(reminder).then([]);
    given([reported, sent])
      .when({ ...reminder, dueAt: '2026-11-29T10:00:00.000Z' })
      .then([]);
  });

  it('ignores a breach timer that fires early, is stale, or comes after the party answered', () => {
    given([reported, sent]).when(breach(ACK_DUE, '2026-11-28T09:59:59.000Z')).then([]);
    given([reported, sent]).when(breach('2026-11-29T10:00:00.000Z')).then([]);
    const acknowledged = {
      type: 'EscalationAcknowledged' as const,
      data: { escalationId: ESCALATION_ID, acknowledgedAt: '2026-11-27T11:00:00.000Z' },
    };
    given([reported, sent, acknowledged]).when(breach()).then([]);
  });

  it('records a breach once and moves the case to the next party in the same append', () => {
    const next = escalationRequest({
      escalationId: NEXT_ESCALATION_ID,
      party: REGISTRY,
      nextParties: [CENTRE],
      clocks: clocks('2026-11-29T10:00:01.000Z', '2026-12-01T10:00:01.000Z', '2026-11-28T10:00:01.000Z'),
    });
    const events = [
      {
        type: 'SlaBreached' as const,
        data: {
          escalationId: ESCALATION_ID,
          clock: 'ACKNOWLEDGEMENT' as const,
          dueAt: ACK_DUE,
          breachedAt: '2026-11-28T10:00:01.000Z',
        },
      },
      {
        type: 'EscalatedToNextParty' as const,
        data: {
          fromEscalationId: ESCALATION_ID,
          toEscalationId: NEXT_ESCALATION_ID,
          to: REGISTRY,
          clock: 'ACKNOWLEDGEMENT' as const,
        },
      },
      escalationSent(next, 2, ESCALATION_ID),
    ];
    given([reported, sent])
      .when({ ...breach(), next })
      .then(events);
    given([reported, sent, ...events])
      .when({ ...breach(), next })
      .then([]);
  });

  it('pauses while the reporter owes an answer: no breach while paused', () => {
    const asked = {
      type: 'MoreInfoRequested' as const,
      data: { escalationId: ESCALATION_ID, question: 'which URL?', requestedAt: '2026-11-27T12:00:00.000Z' },
    };
    given([reported, sent, asked]).when(breach()).then([]);
  });

  it('stops every clock when the incident is resolved', () => {
    given([reported, sent, incidentResolved()]).when(breach()).then([]);
  });
});
