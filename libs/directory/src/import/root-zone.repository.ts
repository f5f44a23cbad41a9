import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type CommandContext } from '@app/core';
import { DeciderStreamRepository, type DecidedWrite, EVENT_STORE, type EventStore } from '@app/event-store';
import {
  evolveRootZone,
  ROOT_ZONE_EVENT_TYPES,
  ROOT_ZONE_STREAM,
  type RootZoneEvent,
  syncRootZone,
  type TldEntry,
} from '../domain/root-zone.events';

interface SyncRootZone {
  readonly entries: readonly TldEntry[];
  readonly source: string;
}

const EVENT_TYPES = new Set<string>(ROOT_ZONE_EVENT_TYPES);

/** The imported root zone's single stream: one append per import, holding only what changed. */
@Injectable()
export class RootZoneRepository {
  private readonly stream: DeciderStreamRepository<Map<string, TldEntry>, RootZoneEvent, SyncRootZone>;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock) {
    this.stream = new DeciderStreamRepository(
      store,
      {
        streamId: () => ROOT_ZONE_STREAM,
        // A fresh map per load: evolveRootZone mutates it for speed over thousands of events.
        get initialState() {
          return new Map<string, TldEntry>();
        },
        evolve: evolveRootZone,
        decide: (command, state) => syncRootZone(state, command.entries, command.source),
        isEventType: (type) => EVENT_TYPES.has(type),
      },
      () => clock.now(),
    );
  }

  async knownTlds(): Promise<ReadonlySet<string>> {
    const { state } = await this.stream.load(ROOT_ZONE_STREAM);
    return new Set(state.keys());
  }

  sync(
    entries: readonly TldEntry[],
    source: string,
    context: CommandContext,
  ): Promise<DecidedWrite<RootZoneEvent>> {
    return this.stream.execute(ROOT_ZONE_STREAM, { entries, source }, context);
  }
}
