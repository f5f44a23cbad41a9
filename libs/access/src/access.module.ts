import { Module } from '@nestjs/common';
import { DirectoryModule } from '@app/directory';
import { ApiTokenAuthenticator } from './api-token.authenticator';
import { AddMemberHandler } from './commands/add-member/add-member.handler';
import { IssueApiTokenHandler } from './commands/issue-api-token/issue-api-token.handler';
import { RevokeApiTokenHandler } from './commands/revoke-api-token/revoke-api-token.handler';
import { CoordinationCentreBootstrap } from './coordination-centre.bootstrap';
import { AccessResolver } from './graphql/access.resolver';
import { MemberStreamRepository } from './infrastructure/member-stream.repository';

/** Members, API tokens and who may do what. Needs EVENT_STORE and READ_MODEL. */
@Module({
  imports: [DirectoryModule],
  providers: [
    MemberStreamRepository,
    AddMemberHandler,
    IssueApiTokenHandler,
    RevokeApiTokenHandler,
    AccessResolver,
    ApiTokenAuthenticator,
    CoordinationCentreBootstrap,
  ],
  exports: [ApiTokenAuthenticator, CoordinationCentreBootstrap],
})
export class AccessModule {}
