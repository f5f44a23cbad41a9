import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, InvalidInputError, isUuid, managesOrganisation } from '@app/core';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import { ApiTokenNotFoundError } from '../../domain/member.errors';
import { MemberStreamRepository } from '../../infrastructure/member-stream.repository';
import { findToken } from '../../queries/access.lookups';
import { RevokeApiTokenCommand } from './revoke-api-token.command';

/**
 * Anyone may revoke their own token; coordinators and an organisation's admins any of its tokens.
 * A token the caller may not manage is NOT_FOUND, so token ids cannot be probed.
 */
@CommandHandler(RevokeApiTokenCommand)
export class RevokeApiTokenHandler implements ICommandHandler<RevokeApiTokenCommand> {
  constructor(
    private readonly members: MemberStreamRepository,
    @Inject(READ_MODEL) private readonly readModel: ReadModelAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    tokenId,
    viewer,
    context,
  }: RevokeApiTokenCommand): Promise<{ tokenId: string; position: bigint }> {
    if (!isUuid(tokenId)) throw new InvalidInputError('tokenId', tokenId, 'is not an API token id');
    const token = await findToken(this.readModel.sql, tokenId);
    const mayRevoke =
      token && (token.memberId === viewer.memberId || managesOrganisation(viewer, token.organisationId));
    if (!token || !mayRevoke) throw new ApiTokenNotFoundError(tokenId);
    const result = await this.members.execute(
      token.memberId,
      { type: 'RevokeApiToken', tokenId, revokedAt: this.clock.now().toISOString() },
      context,
    );
    return { tokenId, position: result.position };
  }
}
