import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '../../event-store.port';
import {
  DeliveryRecorder,
  collect,
  expectStrictlyIncreasing,
  newEvent,
  newEvents,
  rejectionOf,
  settle,
} from './contract-fixtures';

export function describeSubscriptionContract(store: () => EventStore): void {
  describe('subscribing to all', () => {
    // Each test's streams share a fresh prefix, so a store shared with other tests or runs stays usable.
    let prefix: string;
    let start: bigint;
    const stream = (name: string) => `${prefix}-${name}`;
    const mine = () => ({ fromPosition: start, filter: { streamPrefixes: [prefix] } });
    beforeEach(async () => {
      prefix = `sub${randomUUID().replace(/-/g, '')}`;
      start = await store().headPosition();
    });

    it('catches up with what exists, then delivers live events in order', async () => {
      const before = [newEvent(), newEvent(), newEvent()];
      await store().append(stream('a'), before.slice(0, 2), { expectedRevision: 'no_stream' });
      await store().append(stream('b'), before.slice(2), { expectedRevision: 'no_stream' });
      const recorder = new DeliveryRecorder();
      const subscription = store().subscribeToAll(mine(), recorder.handler);

      await subscription.caughtUp;
      expect(recorder.ids).toEqual(before.map((event) => event.id));

      const live = [newEvent(), newEvent()];
      await store().append(stream('a'), live.slice(0, 1), { expectedRevision: 1n });
      await store().append(stream('c'), live.slice(1), { expectedRevision: 'no_stream' });
      await recorder.received(5);
      expect(recorder.ids).toEqual([...before, ...live].map((event) => event.id));
      expectStrictlyIncreasing(recorder.events.map((event) => event.position));
      await subscription.close();
      await subscription.done;
    });

    it('starts after an exclusive fromPosition', async () => {
      const events = newEvents(3);
      await store().append(stream('a'), events, { expectedRevision: 'no_stream' });
      const [first] = await collect(store().readStream(stream('a'), { maxCount: 1 }));
      const recorder = new DeliveryRecorder();
      const options = { fromPosition: first?.position ?? 0n, filter: { streamPrefixes: [prefix] } };
      const subscription = store().subscribeToAll(options, recorder.handler);
      await subscription.caughtUp;
      expect(recorder.ids).toEqual(events.slice(1).map((event) => event.id));
      await subscription.close();
    });

    it('resolves caughtUp at once when nothing is left to catch up, and then goes live', async () => {
      const recorder = new DeliveryRecorder();
      const subscription = store().subscribeToAll(mine(), recorder.handler);
      await subscription.caughtUp;
      expect(recorder.events).toEqual([]);
      const event = newEvent();
      await store().append(stream('a'), [event], { expectedRevision: 'no_stream' });
      await recorder.received(1);
      expect(recorder.ids).toEqual([event.id]);
      await subscription.close();
    });

    it('delivers only the event types and stream prefixes asked for', async () => {
      const byType = new DeliveryRecorder();
      const byPrefix = new DeliveryRecorder();
      const typeSubscription = store().subscribeToAll(
        { fromPosition: start, filter: { eventTypes: [`${prefix}Wanted`] } },
        byType.handler,
      );
      const prefixSubscription = store().subscribeToAll(
        { fromPosition: start, filter: { streamPrefixes: [`${prefix}-keep`] } },
        byPrefix.handler,
      );
      const wanted = [newEvent(`${prefix}Wanted`), newEvent(`${prefix}Wanted`)];
      await store().append(stream('drop-1'), [newEvent(`${prefix}Other`), wanted[0] ?? newEvent()], {
        expectedRevision: 'no_stream',
      });
      const kept = [newEvent(`${prefix}Other`), newEvent(`${prefix}Other`)];
      await store().append(stream('keep-1'), kept.slice(0, 1), { expectedRevision: 'no_stream' });
      await store().append(stream('drop-2'), [newEvent(`${prefix}Other`)], { expectedRevision: 'no_stream' });
      await store().append(stream('keep-2'), kept.slice(1), { expectedRevision: 'no_stream' });
      await store().append(stream('drop-3'), wanted.slice(1), { expectedRevision: 'no_stream' });

      // Delivery is in order, so once the last match has arrived any wrong delivery would have too.
      await Promise.all([byType.received(2), byPrefix.received(2)]);
      expect(byType.ids).toEqual(wanted.map((event) => event.id));
      expect(byPrefix.ids).toEqual(kept.map((event) => event.id));
      await Promise.all([typeSubscription.close(), prefixSubscription.close()]);
    });

    it('delivers concurrent appends once each, in position order', async () => {
      const recorder = new DeliveryRecorder();
      const subscription = store().subscribeToAll(mine(), recorder.handler);
      await subscription.caughtUp;
      const appends = Array.from({ length: 30 }, (_, index) =>
        store().append(stream(`s${index % 10}`), newEvents(2), { expectedRevision: 'any' }),
      );
      await Promise.all(appends);
      await recorder.received(60);
      const log = await collect(store().readAll({ fromPosition: start }));
      expect(recorder.ids).toEqual(
        log.filter((event) => event.streamId.startsWith(prefix)).map((event) => event.id),
      );
      expect(new Set(recorder.ids).size).toBe(60);
      await subscription.close();
    });

    it('awaits the handler before delivering the next event', async () => {
      await store().append(stream('a'), newEvents(3), { expectedRevision: 'no_stream' });
      const trace: string[] = [];
      const subscription = store().subscribeToAll(mine(), async (event: RecordedEvent) => {
        trace.push(`start ${event.revision}`);
        await settle();
        trace.push(`end ${event.revision}`);
      });
      await subscription.caughtUp;
      expect(trace).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
      await subscription.close();
    });

    it('stops at an event whose handler throws, rejecting done with that error', async () => {
      await store().append(stream('a'), newEvents(3), { expectedRevision: 'no_stream' });
      const delivered: bigint[] = [];
      const subscription = store().subscribeToAll(mine(), (event) => {
        delivered.push(event.revision);
        if (event.revision === 1n) throw new Error('projection failed');
      });
      const error = await rejectionOf(subscription.done);
      expect(error).toEqual(new Error('projection failed'));
      expect(delivered).toEqual([0n, 1n]);
      await expect(subscription.caughtUp).rejects.toThrow('projection failed');
    });

    it('delivers nothing after close', async () => {
      const closing = new DeliveryRecorder();
      const staying = new DeliveryRecorder();
      const closingSubscription = store().subscribeToAll(mine(), closing.handler);
      const stayingSubscription = store().subscribeToAll(mine(), staying.handler);
      await store().append(stream('a'), [newEvent()], { expectedRevision: 'no_stream' });
      await Promise.all([closing.received(1), staying.received(1)]);

      await closingSubscription.close();
      await closingSubscription.done;
      await store().append(stream('a'), [newEvent()], { expectedRevision: 0n });
      await staying.received(2);
      await settle();
      expect(closing.events).toHaveLength(1);
      await stayingSubscription.close();
    });
  });
}
