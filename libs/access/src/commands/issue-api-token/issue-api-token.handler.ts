import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertManagesOrganisation, CLOCK, type Clock, InvalidInputError, isUuid, uuidV7 } from '@app/core';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import { hashApiTokenSecret, newApiTokenSecret, shownPrefixOf } from '../../domain/api-token.secret';
import { MemberNotFoundError } from '../../domain/member.errors';
import { MemberStreamRepository } from '../../infrastructure/member-stream.repository';
import { findMember } from '../../queries/access.lookups';
import { IssueApiTokenCommand, type IssuedApiToken } from './issue-api-token.command';

const MAX_LABEL_LENGTH = 100;
const MAX_DAYS = 3 * 365;
const DAY_MS = 86_400_000;

/** Coordinators issue tokens for anyone, an organisation's admins for their own members. */
@CommandHandler(IssueApiTokenCommand)
export class IssueApiTokenHandler implements ICommandHandler<IssueApiTokenCommand> {
  constructor(
    private readonly members: MemberStreamRepository,
    @Inject(READ_MODEL) private readonly readModel: ReadModelAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, viewer, context }: IssueApiTokenCommand): Promise<IssuedApiToken> {
    if (!isUuid(input.memberId))
      throw new InvalidInputError('memberId', input.memberId, 'is not a member id');
    const member = await findMember(this.readModel.sql, input.memberId);
    if (!member) throw new MemberNotFoundError(input.memberId);
    if (viewer)
      assertManagesOrganisation(
        viewer,
        member.organisationId,
        "issue API tokens for this organisation's members",
      );
    const label = (input.label ?? '').trim() || 'API token';
    if (label.length > MAX_LABEL_LENGTH) {
      throw new InvalidInputError('label', input.label, `must be at most ${MAX_LABEL_LENGTH} characters`);
    }
    const days = input.expiresInDays ?? null;
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)) {
      throw new InvalidInputError(
        'expiresInDays',
        days,
        `must be a whole number of days from 1 to ${MAX_DAYS}`,
      );
    }
    const now = this.clock.now();
    const secret = newApiTokenSecret();
    const tokenId = uuidV7(now.getTime());
    const result = await this.members.execute(
      member.memberId,
      {
        type: 'IssueApiToken',
        token: {
          tokenId,
          label,
          prefix: shownPrefixOf(secret),
          secretHash: hashApiTokenSecret(secret),
          issuedAt: now.toISOString(),
          expiresAt: days === null ? null : new Date(now.getTime() + days * DAY_MS).toISOString(),
        },
      },
      context,
    );
    return { secret, tokenId, position: result.position };
  }
}
