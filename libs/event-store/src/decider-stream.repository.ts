import type { CommandContext, EventMetadata } from '@app/core';
import { newEventId } from '@app/core';
import type { EventStore, ExpectedRevision, JsonValue } from './event-store.port';
import { WrongExpectedRevisionError } from './event-store.errors';

/** A decider over one kind of stream: how to name the stream, fold its events and decide commands. */
export interface StreamDecider<
  State,
  Event extends { readonly type: string; readonly data: unknown },
  Command,
> {
  readonly streamId: (id: string) => string;
  readonly initialState: State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => readonly Event[];
  /** Checks a stored type name belongs to this decider; an unknown one is a programming error. */
  readonly isEventType: (type: string) => boolean;
}

export interface DecidedWrite<Event> {
  readonly version: number;
  readonly position: bigint;
  /** The events appended; empty when the decider found nothing to change. */
  readonly events: readonly Event[];
}

const MAX_ATTEMPTS = 3;

/**
 * Load, decide, append with the revision read. A concurrent writer is retried by re-deciding
 * against the new state (safe: deciders are pure and idempotent), at most three times.
 */
export class DeciderStreamRepository<
  State,
  Event extends { readonly type: string; readonly data: unknown },
  Command,
> {
  constructor(
    private readonly store: EventStore,
    private readonly decider: StreamDecider<State, Event, Command>,
    private readonly now: () => Date,
  ) {}

  async load(id: string): Promise<{ state: State; version: number; position: bigint }> {
    let state = this.decider.initialState;
    let version = 0;
    let position = 0n;
    for await (const recorded of this.store.readStream(this.decider.streamId(id))) {
      if (!this.decider.isEventType(recorded.type)) {
        throw new TypeError(`Unknown event type ${recorded.type} in ${recorded.streamId}`);
      }
      state = this.decider.evolve(state, { type: recorded.type, data: recorded.data } as unknown as Event);
      version += 1;
      position = recorded.position;
    }
    return { state, version, position };
  }

  /** @param guard runs on the loaded state before deciding, e.g. to throw NOT_FOUND with the id. */
  async execute(
    id: string,
    command: Command,
    context: CommandContext,
    guard: (state: State) => void = () => undefined,
  ): Promise<DecidedWrite<Event>> {
    for (let attempt = 1; ; attempt += 1) {
      const { state, version, position } = await this.load(id);
      guard(state);
      const events = this.decider.decide(command, state);
      if (events.length === 0) return { version, position, events };
      try {
        const result = await this.append(
          id,
          events,
          context,
          version === 0 ? 'no_stream' : BigInt(version - 1),
        );
        return { version: version + events.length, position: result.position, events };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private append(
    id: string,
    events: readonly Event[],
    context: CommandContext,
    expectedRevision: ExpectedRevision,
  ): Promise<{ position: bigint }> {
    const occurredAt = this.now().toISOString();
    const data = events.map((event) => {
      const metadata: EventMetadata = {
        eventId: newEventId(),
        correlationId: context.correlationId,
        causationId: context.causationId,
        actor: context.actor,
        occurredAt,
      };
      return {
        id: metadata.eventId,
        type: event.type,
        data: event.data as JsonValue,
        metadata: metadata as unknown as JsonValue,
      };
    });
    return this.store.append(this.decider.streamId(id), data, { expectedRevision });
  }
}
