import { IdempotencyViolationError } from '../../event-store.errors';
import type { EventStore } from '../../event-store.port';
import {
  collect,
  expectStrictlyIncreasing,
  expectWrongExpectedRevision,
  newEvent,
  newEvents,
  newStreamId,
  rejectionOf,
} from './contract-fixtures';

export function describeAppendContract(store: () => EventStore): void {
  const revisionsOf = async (streamId: string) =>
    (await collect(store().readStream(streamId))).map((event) => event.revision);

  describe('append with an expected revision', () => {
    it('no_stream creates the stream; its first event has revision 0', async () => {
      const stream = newStreamId();
      const result = await store().append(stream, newEvents(2), { expectedRevision: 'no_stream' });
      const stored = await collect(store().readStream(stream));
      expect(stored.map((event) => event.revision)).toEqual([0n, 1n]);
      expect(result).toEqual({ nextRevision: 1n, position: stored[1]?.position });
    });

    it('no_stream fails on an existing stream, reporting its revision, and writes nothing', async () => {
      const stream = newStreamId();
      await store().append(stream, newEvents(2), { expectedRevision: 'no_stream' });
      await expectWrongExpectedRevision(
        store().append(stream, [newEvent()], { expectedRevision: 'no_stream' }),
        1n,
      );
      expect(await revisionsOf(stream)).toEqual([0n, 1n]);
    });

    it('stream_exists fails on a missing stream with actual -1 and creates nothing', async () => {
      const stream = newStreamId();
      await expectWrongExpectedRevision(
        store().append(stream, [newEvent()], { expectedRevision: 'stream_exists' }),
        -1n,
      );
      expect(await revisionsOf(stream)).toEqual([]);
    });

    it('stream_exists appends to an existing stream', async () => {
      const stream = newStreamId();
      await store().append(stream, [newEvent()], { expectedRevision: 'no_stream' });
      const result = await store().append(stream, newEvents(2), { expectedRevision: 'stream_exists' });
      expect(result.nextRevision).toBe(2n);
      expect(await revisionsOf(stream)).toEqual([0n, 1n, 2n]);
    });

    it('any appends whether or not the stream exists', async () => {
      const stream = newStreamId();
      expect((await store().append(stream, [newEvent()], { expectedRevision: 'any' })).nextRevision).toBe(0n);
      expect((await store().append(stream, [newEvent()], { expectedRevision: 'any' })).nextRevision).toBe(1n);
    });

    it('an exact revision appends when it is the revision of the last event', async () => {
      const stream = newStreamId();
      await store().append(stream, newEvents(2), { expectedRevision: 'no_stream' });
      const result = await store().append(stream, [newEvent()], { expectedRevision: 1n });
      expect(result.nextRevision).toBe(2n);
    });

    it('an exact revision fails when stale, ahead, or the stream is missing', async () => {
      const stream = newStreamId();
      await store().append(stream, newEvents(2), { expectedRevision: 'no_stream' });
      await expectWrongExpectedRevision(store().append(stream, [newEvent()], { expectedRevision: 0n }), 1n);
      await expectWrongExpectedRevision(store().append(stream, [newEvent()], { expectedRevision: 5n }), 1n);
      await expectWrongExpectedRevision(
        store().append(newStreamId(), [newEvent()], { expectedRevision: 0n }),
        -1n,
      );
      expect(await revisionsOf(stream)).toEqual([0n, 1n]);
    });

    it('gives later appends, to any stream, greater positions', async () => {
      const [a, b] = [newStreamId(), newStreamId()];
      const positions = [
        (await store().append(a, [newEvent()], { expectedRevision: 'no_stream' })).position,
        (await store().append(b, newEvents(3), { expectedRevision: 'no_stream' })).position,
        (await store().append(a, [newEvent()], { expectedRevision: 0n })).position,
      ];
      expectStrictlyIncreasing(positions);
      expect(positions[0]).toBeGreaterThan(0n);
      expect(await store().headPosition()).toBe(positions[2]);
    });

    it('an empty append writes nothing, returns the current revision and still checks the expectation', async () => {
      const stream = newStreamId();
      const written = await store().append(stream, newEvents(2), { expectedRevision: 'no_stream' });
      await store().append(newStreamId(), [newEvent()], { expectedRevision: 'no_stream' });
      const head = await store().headPosition();
      expect(await store().append(stream, [], { expectedRevision: 1n })).toEqual(written);
      await expectWrongExpectedRevision(store().append(stream, [], { expectedRevision: 'no_stream' }), 1n);
      const missing = await store().append(newStreamId(), [], { expectedRevision: 'no_stream' });
      expect(missing.nextRevision).toBe(-1n);
      expect(await store().headPosition()).toBe(head);
    });
  });

  describe('atomic append', () => {
    it('a multi-event append that fails its expectation writes none of its events', async () => {
      const stream = newStreamId();
      await store().append(stream, [newEvent()], { expectedRevision: 'no_stream' });
      const head = await store().headPosition();
      await expectWrongExpectedRevision(store().append(stream, newEvents(3), { expectedRevision: 3n }), 0n);
      expect(await revisionsOf(stream)).toEqual([0n]);
      expect(await store().headPosition()).toBe(head);
    });

    it('an append whose last event id is taken elsewhere writes none of its events', async () => {
      const taken = newEvent();
      await store().append(newStreamId(), [taken], { expectedRevision: 'no_stream' });
      const head = await store().headPosition();
      const stream = newStreamId();
      const error = await rejectionOf(
        store().append(stream, [newEvent(), newEvent(), taken], { expectedRevision: 'any' }),
      );
      expect(error).toBeInstanceOf(IdempotencyViolationError);
      expect(await revisionsOf(stream)).toEqual([]);
      expect(await store().headPosition()).toBe(head);
    });
  });

  describe('idempotent append by event id', () => {
    it('appending the same events again stores one copy and returns the first result', async () => {
      const stream = newStreamId();
      const events = newEvents(3);
      const first = await store().append(stream, events, { expectedRevision: 'no_stream' });
      const retry = await store().append(stream, events, { expectedRevision: 'no_stream' });
      expect(retry).toEqual(first);
      const stored = await collect(store().readStream(stream));
      expect(stored.map((event) => event.id)).toEqual(events.map((event) => event.id));
    });

    it('a retry of an earlier append, after later appends, returns that earlier result', async () => {
      const stream = newStreamId();
      const earlier = newEvents(2);
      const first = await store().append(stream, earlier, { expectedRevision: 'no_stream' });
      await store().append(stream, [newEvent()], { expectedRevision: 1n });
      expect(await store().append(stream, earlier, { expectedRevision: 'no_stream' })).toEqual(first);
      expect(await revisionsOf(stream)).toEqual([0n, 1n, 2n]);
    });

    it('refuses an append of which only some ids are stored, and writes none of it', async () => {
      const stream = newStreamId();
      const [stored, fresh] = [newEvent(), newEvent()];
      await store().append(stream, [stored], { expectedRevision: 'no_stream' });
      const error = await rejectionOf(store().append(stream, [stored, fresh], { expectedRevision: 'any' }));
      expect(error).toBeInstanceOf(IdempotencyViolationError);
      expect((await collect(store().readStream(stream))).map((event) => event.id)).toEqual([stored.id]);
    });

    it('refuses stored ids that were not one append: apart, or in another order', async () => {
      const stream = newStreamId();
      const [first, between, second] = [newEvent(), newEvent(), newEvent()];
      for (const [index, event] of [first, between, second].entries()) {
        await store().append(stream, [event], {
          expectedRevision: index === 0 ? 'no_stream' : BigInt(index - 1),
        });
      }
      for (const retried of [
        [first, second],
        [between, first],
      ]) {
        const error = await rejectionOf(store().append(stream, retried, { expectedRevision: 'any' }));
        expect(error).toBeInstanceOf(IdempotencyViolationError);
      }
      expect(await revisionsOf(stream)).toEqual([0n, 1n, 2n]);
    });
  });
}
