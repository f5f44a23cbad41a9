import fc from 'fast-check';
import { hostileDomain } from './hostile-domains';
import { hostileEmail } from './hostile-contacts';
import { hostileId } from './hostile-ids';
import type { HostileRequest } from './hostile-request';
import { hostileBoolean, hostileEnum, hostileInt } from './hostile-scalars';
import {
  allIds,
  DECLINE_REASONS,
  type HostileFixtures,
  inputOperation,
  REQUEST_TYPES,
  someMember,
  TAKEDOWN_ACTIONS,
} from './hostile-targets';
import { hostileInput, hostileList, hostileString } from './hostile-values';

/** Hostile requests to escalations (the requester's and the party's side), members and API tokens. */

const ESCALATION_SELECTION = 'escalation { id status } incident { id version }';

/** Escalations and the party's and requester's answers, on the suite's escalations or hostile ids. */
export const escalations = (f: HostileFixtures): fc.Arbitrary<HostileRequest> => {
  const escalationId = hostileId([...f.escalationIds, ...allIds(f)]);
  const onEscalation = (root: string, type: string, fields: Record<string, fc.Arbitrary<unknown>>) =>
    inputOperation(
      'mutation',
      root,
      type,
      hostileInput(
        { escalationId: fc.constantFrom(...f.escalationIds), ...fields },
        { escalationId, ...fields },
        ['escalationId'],
      ),
      ESCALATION_SELECTION,
      { credentials: someMember },
    );
  return fc.oneof(
    inputOperation(
      'mutation',
      'escalateIncident',
      'EscalateIncidentInput',
      hostileInput(
        {
          incidentId: fc.constantFrom(...f.incidentIds),
          requestType: fc.constantFrom(...REQUEST_TYPES),
          message: fc.constant('Phishing kit live'),
          organisationId: fc.constantFrom(...f.organisationIds),
          domains: fc.constant(['login-paypa1.example.com']),
        },
        {
          incidentId: hostileId(f.incidentIds),
          requestType: hostileEnum(REQUEST_TYPES),
          message: hostileString,
          organisationId: hostileId(f.organisationIds),
          domains: hostileList(hostileDomain, 'a.com'),
        },
        ['incidentId', 'requestType'],
      ),
      ESCALATION_SELECTION,
      { credentials: someMember },
    ),
    onEscalation('acknowledgeEscalation', 'EscalationRefInput', {}),
    onEscalation('approveEscalation', 'EscalationRefInput', {}),
    onEscalation('requestMoreInformation', 'RequestMoreInformationInput', { question: hostileString }),
    onEscalation('provideInformation', 'ProvideInformationInput', { answer: hostileString }),
    onEscalation('recordTakedownAction', 'RecordTakedownActionInput', {
      action: hostileEnum(TAKEDOWN_ACTIONS),
      evidence: hostileString,
    }),
    onEscalation('declineTakedown', 'DeclineTakedownInput', {
      reasonCode: hostileEnum(DECLINE_REASONS),
      reason: hostileString,
    }),
    onEscalation('withdrawEscalation', 'WithdrawEscalationInput', { reason: hostileString }),
  );
};

/** Members and API tokens. Only spare tokens are ever valid revocation targets. */
export const access = (f: HostileFixtures): fc.Arbitrary<HostileRequest> =>
  fc.oneof(
    inputOperation(
      'mutation',
      'addMember',
      'AddMemberInput',
      hostileInput(
        {
          organisationId: fc.constantFrom(...f.organisationIds),
          name: fc.constant('Analyst'),
          email: fc.constant('analyst@cert.example'),
          admin: fc.boolean(),
        },
        {
          organisationId: hostileId(f.organisationIds),
          name: hostileString,
          email: hostileEmail,
          admin: hostileBoolean,
        },
        ['organisationId', 'name', 'email'],
      ),
      'member { id role }',
      { credentials: someMember },
    ),
    inputOperation(
      'mutation',
      'issueApiToken',
      'IssueApiTokenInput',
      hostileInput(
        {
          memberId: fc.constantFrom(...f.memberIds),
          label: fc.constant('ticketing'),
          expiresInDays: fc.constant(90),
        },
        { memberId: hostileId(f.memberIds), label: hostileString, expiresInDays: hostileInt },
        ['memberId'],
      ),
      'apiToken { id prefix }',
      { credentials: someMember },
    ),
    inputOperation(
      'mutation',
      'revokeApiToken',
      'RevokeApiTokenInput',
      hostileInput(
        { tokenId: fc.constantFrom(...f.spareTokenIds) },
        { tokenId: hostileId(f.spareTokenIds) },
        ['tokenId'],
      ),
      'apiToken { id revokedAt }',
      { credentials: someMember },
    ),
  );
