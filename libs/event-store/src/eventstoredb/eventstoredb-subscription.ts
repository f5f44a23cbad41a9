import type { AllStreamSubscription } from '@eventstore/db-client';
import type {
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port';
import { isHidden, matcher, positionOf, toRecordedEvent } from './eventstoredb-codec';
import { SubscriptionFeed } from './eventstoredb-subscription-feed';

/** What a subscription needs from the store. */
export interface SubscriptionSource {
  /** A client catch-up subscription to `$all`, delivering events after the exclusive `fromPosition`. */
  subscribe(fromPosition: bigint): AllStreamSubscription;
  /** The position of the last event in `$all`, system events included. */
  headPosition(): Promise<bigint>;
}

/** The server ended a subscription that nobody closed (it stopped, say): the caller resubscribes. */
export class SubscriptionEndedError extends Error {
  constructor() {
    super('The EventStoreDB server ended the subscription to $all');
    this.name = 'SubscriptionEndedError';
  }
}

const ignore = (): void => undefined;

/** How far delivery got: events taken from the feed, the position of the last, the head to reach. */
interface Progress {
  head: bigint | undefined;
  checkpoint: bigint;
  handled: number;
}

/**
 * A catch-up subscription to `$all`, filtered and decoded here rather than on the server, so that
 * every event in `$all` (system events and claims included) moves the checkpoint. `caughtUp` resolves
 * at whichever comes first: the handler is done with the events the server sent before its
 * caught_up message (servers from 23.10 send one), or with an event at or past the head of `$all`
 * read when subscribing (for servers that send none).
 */
export class EventStoreDbSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  /** Settles when the delivery loop has stopped and no handler runs any more. */
  readonly stopped: Promise<void>;
  private closed = false;
  private feed: SubscriptionFeed | undefined;
  private settleCaughtUp: { resolve: () => void; reject: (error: unknown) => void } = {
    resolve: ignore,
    reject: ignore,
  };

  constructor(
    private readonly source: SubscriptionSource,
    options: SubscribeToAllOptions,
    private readonly handler: SubscriptionHandler,
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => (this.settleCaughtUp = { resolve, reject }));
    this.done = this.run(options.fromPosition ?? 0n, matcher(options.filter));
    this.stopped = this.done.then(ignore, ignore);
    // Callers may await only one of the two; the other must not surface as an unhandled rejection.
    this.caughtUp.catch(ignore);
    this.done.catch(ignore);
  }

  /** Stops delivery. A handler already running is not awaited, so a handler may close its own subscription. */
  close(): Promise<void> {
    this.closed = true;
    this.feed?.stop();
    return Promise.resolve();
  }

  private async run(fromPosition: bigint, matches: (event: RecordedEvent) => boolean): Promise<void> {
    // Deliver asynchronously: the handler never runs before subscribeToAll has returned.
    await Promise.resolve();
    let stream: AllStreamSubscription | undefined;
    try {
      if (!this.isClosed()) {
        stream = this.source.subscribe(fromPosition);
        await this.deliver(stream, fromPosition, matches);
      }
    } catch (error) {
      this.settleCaughtUp.reject(error);
      throw error;
    } finally {
      this.feed?.stop();
      // Cancels the call; an error here (the connection is gone) changes nothing for the caller.
      await stream?.unsubscribe().catch(ignore);
      stream?.destroy();
    }
    // Closed before catching up: resolve rather than leave an awaiting caller hanging.
    this.settleCaughtUp.resolve();
  }

  private async deliver(
    stream: AllStreamSubscription,
    fromPosition: bigint,
    matches: (event: RecordedEvent) => boolean,
  ): Promise<void> {
    const progress: Progress = { head: undefined, checkpoint: fromPosition, handled: 0 };
    const feed = new SubscriptionFeed(stream, () => {
      this.checkCaughtUp(progress);
    });
    this.feed = feed;
    // Without it the server's caught_up message alone decides; a failed read is not the subscription's failure.
    this.source.headPosition().then((position) => {
      progress.head = position;
      this.checkCaughtUp(progress);
    }, ignore);
    for (let resolved = await feed.next(); resolved; resolved = await feed.next()) {
      const event = isHidden(resolved) ? undefined : toRecordedEvent(resolved);
      if (event && matches(event) && !this.isClosed()) await this.handler(event);
      progress.checkpoint = positionOf(resolved) ?? progress.checkpoint;
      progress.handled += 1;
      this.checkCaughtUp(progress);
      if (this.isClosed()) return;
    }
    if (!this.isClosed()) throw new SubscriptionEndedError();
  }

  private checkCaughtUp({ head, checkpoint, handled }: Progress): void {
    const caughtUpAfter = this.feed?.caughtUpAfter;
    const pastHead = head !== undefined && checkpoint >= head;
    if (pastHead || (caughtUpAfter !== undefined && handled >= caughtUpAfter)) this.settleCaughtUp.resolve();
  }

  /** A method, not the field, so that the compiler does not assume it unchanged across an await. */
  private isClosed(): boolean {
    return this.closed;
  }
}
