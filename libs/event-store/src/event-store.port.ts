/**
 * The EventStore port. Semantics follow EventStoreDB so that every adapter (sqlite, postgres,
 * eventstoredb) behaves alike; `testing/event-store.contract.ts` is the executable definition.
 *
 * - Stream revisions start at 0 (the first event of a stream has revision 0).
 * - Global positions are positive and strictly increasing in commit order; position 0 means "before
 *   the first event", so `fromPosition: 0n` reads everything.
 */

/** `no_stream`: the stream must not exist; `stream_exists`: it must; `any`: no check; bigint: the
 * revision of the stream's last event must be exactly this. */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * An event to append. `id` makes the append idempotent: when every id of an append is already in
 * the stream, consecutively and in the same order, the append returns the original result and
 * writes nothing; any other overlap (some ids, another stream, another order) is an
 * IdempotencyViolationError.
 */
export interface EventData {
  readonly id: string;
  /** A stable stored name (`IncidentReported`), never a class name. */
  readonly type: string;
  readonly data: JsonValue;
  readonly metadata: JsonValue;
}

export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly data: JsonValue;
  readonly metadata: JsonValue;
  /** When the store committed the event. */
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** The revision of the last event now in the stream. */
  readonly nextRevision: bigint;
  /** The global position of the last event appended. */
  readonly position: bigint;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface ReadStreamOptions {
  /** Inclusive; defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: bigint;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with a position greater than this. Defaults to 0n (everything). */
  readonly fromPosition?: bigint;
  readonly maxCount?: number;
}

export interface SubscriptionFilter {
  readonly eventTypes?: readonly string[];
  readonly streamPrefixes?: readonly string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint: delivery starts after this position. Defaults to 0n. */
  readonly fromPosition?: bigint;
  readonly filter?: SubscriptionFilter;
}

export type SubscriptionHandler = (event: RecordedEvent) => void | Promise<void>;

export interface Subscription {
  /**
   * Resolves once every event that existed when the subscription started has been delivered (or the
   * subscription was closed first); rejects if the handler fails before that.
   */
  readonly caughtUp: Promise<void>;
  /** Rejects if the handler throws; the subscription stops at the failing event. */
  readonly done: Promise<void>;
  /** Stops delivery; does not wait for a handler already running, so a handler may close its own subscription. */
  close(): Promise<void>;
}

export interface EventStore {
  /**
   * Atomically appends all events or none. Throws WrongExpectedRevisionError on a revision mismatch,
   * whose `actual` is the revision that won. An empty append still checks `expectedRevision`.
   */
  append(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult>;
  /** Reads one stream; a stream that does not exist reads as empty. Long reads are paged, not a snapshot. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** Reads the global log in commit order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Delivers every event after `fromPosition` in order, then live events as they are committed. */
  subscribeToAll(options: SubscribeToAllOptions, handler: SubscriptionHandler): Subscription;
  /** The position of the last committed event (0n when empty). */
  headPosition(): Promise<bigint>;
  /** Flushes pending appends, stops subscriptions (waiting for running handlers) and releases the store. */
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
