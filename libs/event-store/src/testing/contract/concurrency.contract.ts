import { WrongExpectedRevisionError } from '../../event-store.errors';
import type { AppendResult, EventStore, ExpectedRevision } from '../../event-store.port';
import { collect, expectStrictlyIncreasing, newEvent, newEvents, newStreamId } from './contract-fixtures';

export function describeConcurrencyContract(store: () => EventStore): void {
  const settleAll = async (appends: Promise<AppendResult>[]) => {
    const outcomes = await Promise.allSettled(appends);
    return {
      won: outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : [])),
      lost: outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : [])),
    };
  };

  describe('concurrent writers on one stream', () => {
    it('of 50 appends expecting the same revision, exactly one wins', async () => {
      const stream = newStreamId();
      await store().append(stream, [newEvent()], { expectedRevision: 'no_stream' });
      const { won, lost } = await settleAll(
        Array.from({ length: 50 }, () => store().append(stream, newEvents(2), { expectedRevision: 0n })),
      );
      expect(won.map((result) => result.nextRevision)).toEqual([2n]);
      expect(lost).toHaveLength(49);
      for (const error of lost) {
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ actual: 2n });
      }
      expect((await collect(store().readStream(stream))).map((event) => event.revision)).toEqual([
        0n,
        1n,
        2n,
      ]);
    });

    it('of 50 appends creating the same stream, exactly one wins', async () => {
      const stream = newStreamId();
      const { won, lost } = await settleAll(
        Array.from({ length: 50 }, () =>
          store().append(stream, [newEvent()], { expectedRevision: 'no_stream' }),
        ),
      );
      expect(won).toHaveLength(1);
      expect(lost.every((error) => error instanceof WrongExpectedRevisionError)).toBe(true);
      expect(await collect(store().readStream(stream))).toHaveLength(1);
    });

    it('writers that re-read and retry on conflict leave a gap-free stream', async () => {
      const stream = newStreamId();
      const writers = 8;
      const eventsPerWriter = 6;
      const appendWithRetry = async (index: number): Promise<string[]> => {
        const ids: string[] = [];
        for (let n = 0; n < eventsPerWriter; n += 1) {
          const event = newEvent('Written', { writer: index, n });
          for (let attempt = 0; ; attempt += 1) {
            if (attempt > 500) throw new Error(`writer ${index} starved`);
            const [last] = await collect(store().readStream(stream, { direction: 'backwards', maxCount: 1 }));
            const expectedRevision: ExpectedRevision = last ? last.revision : 'no_stream';
            try {
              await store().append(stream, [event], { expectedRevision });
              break;
            } catch (error) {
              if (!(error instanceof WrongExpectedRevisionError)) throw error;
            }
          }
          ids.push(event.id);
        }
        return ids;
      };

      const written = (
        await Promise.all(Array.from({ length: writers }, (_, index) => appendWithRetry(index)))
      ).flat();
      const stored = await collect(store().readStream(stream));
      expect(stored.map((event) => event.revision)).toEqual(
        Array.from({ length: writers * eventsPerWriter }, (_, revision) => BigInt(revision)),
      );
      expect(stored.map((event) => event.id).sort()).toEqual([...written].sort());
      expectStrictlyIncreasing(stored.map((event) => event.position));
    });
  });

  describe('event contents', () => {
    it('round-trip data and metadata unchanged: unicode, nesting, every JSON kind', async () => {
      const data = {
        title: 'Phishing on bücher.example and 例え.テスト 🐟🎣',
        rightToLeft: 'مرحبا بالعالم',
        combining: 'e\u0301 ñ',
        escapes: 'quote " backslash \\ slash / newline \n tab \t',
        nested: { list: [1, -2.5, 0.1, true, false, null, { deep: [[[]], {}] }], empty: {}, emptyList: [] },
        largestSafeInteger: Number.MAX_SAFE_INTEGER,
      };
      const metadata = {
        correlationId: newEvent().id,
        actor: { kind: 'member', organisationId: 'org-1', memberId: null },
        occurredAt: '2024-05-01T12:00:00.000Z',
      };
      const stream = newStreamId();
      const start = await store().headPosition();
      const events = [
        newEvent('Reported', data, metadata),
        newEvent('Listed', ['a', 1, null]),
        newEvent('Noted', 'só'),
      ];
      await store().append(stream, events, { expectedRevision: 'no_stream' });

      const expected = events.map(({ type, data: eventData, metadata: eventMetadata }) => ({
        type,
        data: eventData,
        metadata: eventMetadata,
      }));
      const fromStream = await collect(store().readStream(stream));
      expect(fromStream.map(({ type, data: d, metadata: m }) => ({ type, data: d, metadata: m }))).toEqual(
        expected,
      );
      const fromLog = await collect(store().readAll({ fromPosition: start }));
      expect(fromLog.map(({ type, data: d, metadata: m }) => ({ type, data: d, metadata: m }))).toEqual(
        expected,
      );
    });
  });
}
