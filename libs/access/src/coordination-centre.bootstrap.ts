import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ConflictError, newEventId, systemActor, uuidV7, type CommandContext } from '@app/core';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import { OrganisationStreamRepository } from '@app/directory';
import { AddMemberCommand } from './commands/add-member/add-member.command';
import { IssueApiTokenCommand } from './commands/issue-api-token/issue-api-token.command';
import { countMembers } from './queries/access.lookups';

export class AlreadyBootstrappedError extends ConflictError {
  constructor() {
    super('This data directory already has members: ask a coordinator for a token instead of bootstrapping');
  }
}

export interface BootstrapResult {
  readonly organisationId: string;
  readonly memberId: string;
  readonly token: string;
}

/**
 * Creates the coordination centre and its first coordinator on an empty data directory: the
 * only way in before anyone holds a token, so it refuses once any member exists.
 */
@Injectable()
export class CoordinationCentreBootstrap {
  constructor(
    private readonly organisations: OrganisationStreamRepository,
    private readonly commands: CommandBus,
    @Inject(READ_MODEL) private readonly readModel: ReadModelAccess,
  ) {}

  async needsBootstrap(): Promise<boolean> {
    return (await countMembers(this.readModel.sql)) === 0;
  }

  async bootstrap(names: { centre: string; coordinator: string; email: string }): Promise<BootstrapResult> {
    if (!(await this.needsBootstrap())) throw new AlreadyBootstrappedError();
    const id = newEventId();
    const context: CommandContext = {
      actor: systemActor,
      correlationId: `bootstrap-${id}`,
      causationId: `bootstrap-${id}`,
    };
    const organisationId = uuidV7();
    const registered = await this.organisations.execute(
      organisationId,
      {
        type: 'RegisterOrganisation',
        organisationId,
        kind: 'COORDINATION_CENTRE',
        name: names.centre,
        aliases: [],
        website: null,
        coverage: { countries: [], tlds: [], ianaId: null, suffixes: [] },
        source: 'MANUAL',
      },
      context,
    );
    await this.readModel.waitFor(registered.position);
    const { memberId, position } = await this.commands.execute(
      new AddMemberCommand(
        { organisationId, name: names.coordinator, email: names.email, admin: true },
        null,
        context,
      ),
    );
    await this.readModel.waitFor(position);
    const issued = await this.commands.execute(
      new IssueApiTokenCommand({ memberId, label: 'bootstrap' }, null, context),
    );
    await this.readModel.waitFor(issued.position);
    return { organisationId, memberId, token: issued.secret };
  }
}
