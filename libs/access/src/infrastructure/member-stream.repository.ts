import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type CommandContext } from '@app/core';
import { DeciderStreamRepository, type DecidedWrite, EVENT_STORE, type EventStore } from '@app/event-store';
import type { MemberCommand } from '../domain/member.commands';
import { decideMember } from '../domain/member.decider';
import { MemberNotFoundError } from '../domain/member.errors';
import { MEMBER_EVENT_TYPES, memberStreamId, type MemberEvent } from '../domain/member.events';
import { evolveMember, initialMemberState, type MemberState } from '../domain/member.state';

const EVENT_TYPES = new Set<string>(MEMBER_EVENT_TYPES);

/** The one write path of member streams (members and their API tokens). */
@Injectable()
export class MemberStreamRepository {
  private readonly streams: DeciderStreamRepository<MemberState, MemberEvent, MemberCommand>;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock) {
    this.streams = new DeciderStreamRepository(
      store,
      {
        streamId: memberStreamId,
        initialState: initialMemberState,
        evolve: evolveMember,
        decide: decideMember,
        isEventType: (type) => EVENT_TYPES.has(type),
      },
      () => clock.now(),
    );
  }

  execute(
    memberId: string,
    command: MemberCommand,
    context: CommandContext,
  ): Promise<DecidedWrite<MemberEvent>> {
    return this.streams.execute(memberId, command, context, (state) => {
      if (state.kind === 'absent' && command.type !== 'AddMember') throw new MemberNotFoundError(memberId);
    });
  }
}
