import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';

/** Events buffered ahead of the handler before the gRPC stream is paused. */
const HIGH_WATER = 64;
const LOW_WATER = 16;

/**
 * Pulls a client subscription's events one at a time, and notes how many events arrived before the
 * server's caught_up message. The client reports caught_up as an event on the stream object, outside
 * the data it yields, and may report it while events received before it still wait in its buffer.
 * Counting each event as it is emitted, plus those still buffered when caught_up is emitted, places
 * the message exactly in the sequence, which counting at an async iterator's own pace would not.
 */
export class SubscriptionFeed {
  /** How many events the server sent before its first caught_up message, once it has sent one. */
  caughtUpAfter: number | undefined;
  private readonly queue: AllStreamResolvedEvent[] = [];
  private received = 0;
  private failure: { readonly error: unknown } | undefined;
  private ended = false;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly stream: AllStreamSubscription,
    onCaughtUp: () => void,
  ) {
    stream.on('data', (event: AllStreamResolvedEvent) => {
      this.queue.push(event);
      this.received += 1;
      if (this.queue.length >= HIGH_WATER) stream.pause();
      this.notify();
    });
    stream.on('caughtUp', () => {
      this.caughtUpAfter ??= this.received + stream.readableLength;
      onCaughtUp();
    });
    stream.on('error', (error) => {
      this.failure ??= { error };
      this.notify();
    });
    stream.on('close', () => {
      this.ended = true;
      this.notify();
    });
  }

  /** The next event; undefined once stopped or ended; rejects with the stream's error. */
  async next(): Promise<AllStreamResolvedEvent | undefined> {
    for (;;) {
      if (this.stopped) return undefined;
      const event = this.queue.shift();
      if (event) {
        if (this.queue.length <= LOW_WATER && this.stream.isPaused()) this.stream.resume();
        return event;
      }
      if (this.failure) throw this.failure.error;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Makes a waiting and every later `next()` return undefined. */
  stop(): void {
    this.stopped = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
