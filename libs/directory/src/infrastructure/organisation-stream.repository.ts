import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type CommandContext, InvalidInputError, isUuid } from '@app/core';
import { DeciderStreamRepository, type DecidedWrite, EVENT_STORE, type EventStore } from '@app/event-store';
import type { OrganisationCommand } from '../domain/organisation.commands';
import { decideOrganisation } from '../domain/organisation.decider';
import { OrganisationNotFoundError } from '../domain/organisation.errors';
import {
  ORGANISATION_EVENT_TYPES,
  organisationStreamId,
  type OrganisationEvent,
} from '../domain/organisation.events';
import {
  evolveOrganisation,
  initialOrganisationState,
  type OrganisationState,
} from '../domain/organisation.state';

export type OrganisationWriteResult = DecidedWrite<OrganisationEvent> & { readonly organisationId: string };

const EVENT_TYPES = new Set<string>(ORGANISATION_EVENT_TYPES);

/** The one write path of organisation streams. */
@Injectable()
export class OrganisationStreamRepository {
  private readonly streams: DeciderStreamRepository<
    OrganisationState,
    OrganisationEvent,
    OrganisationCommand
  >;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock) {
    this.streams = new DeciderStreamRepository(
      store,
      {
        streamId: organisationStreamId,
        initialState: initialOrganisationState,
        evolve: evolveOrganisation,
        decide: decideOrganisation,
        isEventType: (type) => EVENT_TYPES.has(type),
      },
      () => clock.now(),
    );
  }

  load(organisationId: string): Promise<{ state: OrganisationState; version: number; position: bigint }> {
    return this.streams.load(organisationId);
  }

  async execute(
    organisationId: string,
    command: OrganisationCommand,
    context: CommandContext,
  ): Promise<OrganisationWriteResult> {
    if (!isUuid(organisationId)) {
      throw new InvalidInputError('organisationId', organisationId, 'is not an organisation id');
    }
    const creates =
      command.type === 'RegisterOrganisation' || command.type === 'SyncOrganisationFromReference';
    const result = await this.streams.execute(organisationId, command, context, (state) => {
      if (state.kind === 'absent' && !creates) throw new OrganisationNotFoundError(organisationId);
    });
    return { ...result, organisationId };
  }
}
