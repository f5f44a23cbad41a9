import { BACKWARDS, END, EventStoreDBClient, FORWARDS, START } from '@eventstore/db-client';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port';
import { appendEvents } from './eventstoredb-append';
import { isHidden, positionOf, toReadPosition, toRecordedEvent } from './eventstoredb-codec';
import { eventsOf, isVisible, lastPositionInAll } from './eventstoredb-reads';
import { EventStoreDbSubscription, type SubscriptionSource } from './eventstoredb-subscription';

const ignore = (): void => undefined;

export class EventStoreDbClosedError extends Error {
  constructor() {
    super('The EventStoreDB event store is closed');
    this.name = 'EventStoreDbClosedError';
  }
}

/**
 * The EventStore port over EventStoreDB / KurrentDB through `@eventstore/db-client` (gRPC). A port
 * position is the commit position of an event in `$all`; stream reads carry it from server 22.6 on.
 * Idempotent appends by event id are implemented here, with one claim write per event id (see
 * `eventstoredb-append.ts`). System events and the adapter's claims are hidden from reads of `$all`
 * and from subscriptions, which filter on the client.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private readonly appending = new Set<Promise<unknown>>();
  private closed = false;

  private constructor(private readonly client: EventStoreDBClient) {}

  /**
   * A store over the node(s) a connection string names, e.g. `esdb://localhost:2113?tls=false`. The
   * client connects lazily: an unreachable server shows up as the first call's error. KurrentDB's
   * `kurrentdb://` schemes are accepted too; client 6.2.1 only knows them as `esdb://`.
   */
  static connect(connectionString: string): EventStoreDbEventStore {
    const esdb = connectionString.replace(/^kurrentdb(\+discover)?:\/\//i, 'esdb$1://');
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(esdb));
  }

  append(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreDbClosedError());
    // Copied so that a caller mutating its array while the claims are written changes nothing.
    const appended = appendEvents(this.client, streamId, [...events], options.expectedRevision);
    const settled = appended.then(ignore, ignore);
    this.appending.add(settled);
    void settled.then(() => this.appending.delete(settled));
    return appended;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    if (options.maxCount !== undefined && options.maxCount <= 0) return;
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision ?? (backwards ? END : START),
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    });
    for await (const resolved of eventsOf(read)) yield toRecordedEvent(resolved);
  }

  /** One streamed read from the server; the server pages it, and hidden events do not count to maxCount. */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const after = options.fromPosition ?? 0n;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    // $all reads include the event at the position they start from; the port's fromPosition excludes it.
    const read = this.client.readAll({ direction: FORWARDS, fromPosition: toReadPosition(after) });
    for await (const resolved of eventsOf(read)) {
      if ((positionOf(resolved) ?? 0n) <= after || isHidden(resolved)) continue;
      yield toRecordedEvent(resolved);
      remaining -= 1;
      if (remaining <= 0) return;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions, handler: SubscriptionHandler): Subscription {
    this.assertOpen();
    const source: SubscriptionSource = {
      subscribe: (fromPosition) => this.client.subscribeToAll({ fromPosition: toReadPosition(fromPosition) }),
      headPosition: () => lastPositionInAll(this.client),
    };
    const subscription = new EventStoreDbSubscription(source, options, handler);
    this.subscriptions.add(subscription);
    void subscription.stopped.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  /** The position of the last event `readAll` would return: system events and claims are passed over. */
  headPosition(): Promise<bigint> {
    if (this.closed) return Promise.reject(new EventStoreDbClosedError());
    return lastPositionInAll(this.client, isVisible);
  }

  /**
   * Lets appends under way finish (nothing is buffered: an append resolves once the server has
   * acknowledged it), stops subscriptions (awaiting their running handlers) and disposes of the
   * client, which cancels reads still under way.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.appending);
    const subscriptions = [...this.subscriptions];
    await Promise.all(subscriptions.map((subscription) => subscription.close()));
    await Promise.all(subscriptions.map((subscription) => subscription.stopped));
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreDbClosedError();
  }
}
