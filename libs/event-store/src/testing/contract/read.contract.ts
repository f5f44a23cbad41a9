import type { EventStore, RecordedEvent } from '../../event-store.port';
import { collect, expectStrictlyIncreasing, newEvent, newEvents, newStreamId } from './contract-fixtures';

export function describeReadContract(store: () => EventStore): void {
  const revisions = (events: readonly RecordedEvent[]) => events.map((event) => event.revision);

  describe('reading a stream', () => {
    let stream: string;
    beforeEach(async () => {
      stream = newStreamId();
      const events = [0, 1, 2, 3, 4].map((n) => newEvent(`Step${n}`, { n }));
      await store().append(stream, events, { expectedRevision: 'no_stream' });
    });

    it('reads forwards from the start, every field filled in', async () => {
      const read = await collect(store().readStream(stream));
      expect(revisions(read)).toEqual([0n, 1n, 2n, 3n, 4n]);
      expect(read.map((event) => [event.streamId, event.type, event.data])).toEqual(
        [0, 1, 2, 3, 4].map((n) => [stream, `Step${n}`, { n }]),
      );
      expectStrictlyIncreasing(read.map((event) => event.position));
      for (const event of read) expect(Number.isNaN(event.recordedAt.getTime())).toBe(false);
    });

    it('reads forwards from an inclusive revision, at most maxCount events', async () => {
      expect(revisions(await collect(store().readStream(stream, { fromRevision: 2n, maxCount: 2 })))).toEqual(
        [2n, 3n],
      );
      expect(revisions(await collect(store().readStream(stream, { fromRevision: 3n })))).toEqual([3n, 4n]);
    });

    it('reads backwards from the end or from an inclusive revision', async () => {
      expect(revisions(await collect(store().readStream(stream, { direction: 'backwards' })))).toEqual([
        4n,
        3n,
        2n,
        1n,
        0n,
      ]);
      const fromThree = store().readStream(stream, { direction: 'backwards', fromRevision: 3n, maxCount: 2 });
      expect(revisions(await collect(fromThree))).toEqual([3n, 2n]);
    });

    it('reads past the end as empty', async () => {
      expect(await collect(store().readStream(stream, { fromRevision: 5n }))).toEqual([]);
    });

    it('reads a missing stream as empty, in both directions', async () => {
      const missing = newStreamId();
      expect(await collect(store().readStream(missing))).toEqual([]);
      expect(await collect(store().readStream(missing, { direction: 'backwards' }))).toEqual([]);
    });
  });

  describe('reading the global log', () => {
    it('reads in commit order after an exclusive position, at most maxCount events', async () => {
      const start = await store().headPosition();
      const [a, b] = [newStreamId(), newStreamId()];
      const appended = [newEvent(), newEvent(), newEvent(), newEvent()];
      await store().append(a, [appended[0] ?? newEvent()], { expectedRevision: 'no_stream' });
      await store().append(b, appended.slice(1, 3), { expectedRevision: 'no_stream' });
      await store().append(a, [appended[3] ?? newEvent()], { expectedRevision: 0n });

      const all = await collect(store().readAll({ fromPosition: start }));
      expect(all.map((event) => event.id)).toEqual(appended.map((event) => event.id));
      expect(all.map((event) => event.streamId)).toEqual([a, b, b, a]);
      expectStrictlyIncreasing(all.map((event) => event.position));

      const afterFirst = await collect(
        store().readAll({ fromPosition: all[0]?.position ?? 0n, maxCount: 2 }),
      );
      expect(afterFirst.map((event) => event.id)).toEqual(appended.slice(1, 3).map((event) => event.id));
    });

    it('reads everything from position 0 by default', async () => {
      const stream = newStreamId();
      const { position } = await store().append(stream, [newEvent()], { expectedRevision: 'no_stream' });
      const all = await collect(store().readAll());
      expect(all[all.length - 1]?.position).toBe(position);
      expect(all[0]?.position).toBeGreaterThan(0n);
    });

    it('reads a long stream and log completely and in order', async () => {
      const start = await store().headPosition();
      const stream = newStreamId();
      const chunks = [0, 1, 2, 3].map(() => newEvents(300));
      for (const [index, chunk] of chunks.entries()) {
        await store().append(stream, chunk, {
          expectedRevision: index === 0 ? 'no_stream' : BigInt(index * 300 - 1),
        });
      }
      const expectedIds = chunks.flat().map((event) => event.id);

      const forwards = await collect(store().readStream(stream));
      expect(forwards.map((event) => event.id)).toEqual(expectedIds);
      const backwards = await collect(store().readStream(stream, { direction: 'backwards', maxCount: 700 }));
      expect(backwards.map((event) => event.id)).toEqual(expectedIds.slice(-700).reverse());
      const log = await collect(store().readAll({ fromPosition: start }));
      expect(log.map((event) => event.id)).toEqual(expectedIds);
      expectStrictlyIncreasing(log.map((event) => event.position));
    });
  });
}
