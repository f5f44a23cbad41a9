import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequestContext } from '@app/core/nest';
import {
  CLOCK,
  type Clock,
  type CommandContext,
  InvalidInputError,
  isUuid,
  managesOrganisation,
  type Viewer,
} from '@app/core';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import { AddMemberCommand } from '../commands/add-member/add-member.command';
import { IssueApiTokenCommand } from '../commands/issue-api-token/issue-api-token.command';
import { RevokeApiTokenCommand } from '../commands/revoke-api-token/revoke-api-token.command';
import { MemberNotFoundError } from '../domain/member.errors';
import {
  type ApiTokenRecord,
  findMember,
  findToken,
  type MemberRecord,
  membersOf,
  tokensOfMember,
} from '../queries/access.lookups';
import {
  AddMemberInput,
  AddMemberPayload,
  ApiTokenType,
  IssueApiTokenInput,
  IssueApiTokenPayload,
  MemberType,
  RevokeApiTokenInput,
  RevokeApiTokenPayload,
  ViewerType,
} from './access.types';

/** Members and API tokens. Secrets leave the server once, in issueApiToken's answer. */
@Resolver()
export class AccessResolver {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_MODEL) private readonly readModel: ReadModelAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => ViewerType, { description: 'Who this API token belongs to' })
  async me(@CurrentViewer() viewer: Viewer): Promise<ViewerType> {
    const member = await findMember(this.readModel.sql, viewer.memberId);
    if (!member) throw new MemberNotFoundError(viewer.memberId);
    return { member: presentMember(member), tokenId: viewer.tokenId };
  }

  @Query(() => [MemberType], { description: "An organisation's members (coordinators, or its own members)" })
  async members(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MemberType[]> {
    if (!isUuid(organisationId))
      throw new InvalidInputError('organisationId', organisationId, 'is not an organisation id');
    if (viewer.role !== 'COORDINATOR' && viewer.organisationId !== organisationId) return [];
    return (await membersOf(this.readModel.sql, organisationId)).map(presentMember);
  }

  @Query(() => [ApiTokenType], {
    description: "A member's tokens, never their secrets; your own when memberId is left out",
  })
  async apiTokens(
    @Args('memberId', { type: () => ID, nullable: true }) memberId: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ApiTokenType[]> {
    const id = memberId ?? viewer.memberId;
    if (!isUuid(id)) throw new InvalidInputError('memberId', id, 'is not a member id');
    const member = await findMember(this.readModel.sql, id);
    if (
      !member ||
      (member.memberId !== viewer.memberId && !managesOrganisation(viewer, member.organisationId))
    ) {
      throw new MemberNotFoundError(id);
    }
    return (await tokensOfMember(this.readModel.sql, id)).map((t) => this.presentToken(t));
  }

  @Mutation(() => AddMemberPayload)
  async addMember(
    @Args('input') input: AddMemberInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<AddMemberPayload> {
    const { memberId, position } = await this.commands.execute(new AddMemberCommand(input, viewer, context));
    await this.readModel.waitFor(position);
    const member = await findMember(this.readModel.sql, memberId);
    if (!member) throw new MemberNotFoundError(memberId);
    return { member: presentMember(member) };
  }

  @Mutation(() => IssueApiTokenPayload, { description: 'Issues a token; its secret is in this answer only' })
  async issueApiToken(
    @Args('input') input: IssueApiTokenInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<IssueApiTokenPayload> {
    const issued = await this.commands.execute(new IssueApiTokenCommand(input, viewer, context));
    return { token: issued.secret, apiToken: await this.tokenAfter(issued.tokenId, issued.position) };
  }

  @Mutation(() => RevokeApiTokenPayload, { description: 'The token stops working at once' })
  async revokeApiToken(
    @Args('input') input: RevokeApiTokenInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<RevokeApiTokenPayload> {
    const revoked = await this.commands.execute(new RevokeApiTokenCommand(input.tokenId, viewer, context));
    return { apiToken: await this.tokenAfter(revoked.tokenId, revoked.position) };
  }

  private async tokenAfter(tokenId: string, position: bigint): Promise<ApiTokenType> {
    await this.readModel.waitFor(position);
    const token = await findToken(this.readModel.sql, tokenId);
    if (!token) throw new MemberNotFoundError(tokenId);
    return this.presentToken(token);
  }

  private presentToken(token: ApiTokenRecord): ApiTokenType {
    const now = this.clock.now().getTime();
    const expired = token.expiresAt !== null && Date.parse(token.expiresAt) <= now;
    const { tokenId, ...rest } = token;
    return { id: tokenId, ...rest, active: token.revokedAt === null && !expired };
  }
}

const presentMember = ({ memberId, ...rest }: MemberRecord): MemberType => ({ id: memberId, ...rest });
