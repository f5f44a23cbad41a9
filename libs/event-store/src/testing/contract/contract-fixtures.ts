import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../../event-store.errors';
import type { EventData, EventStore, JsonValue, RecordedEvent } from '../../event-store.port';

export type EventStoreFactory = () => Promise<{ store: EventStore; dispose: () => Promise<void> }>;

/** A fresh store from the factory for every test, disposed after it. */
export function useEventStore(factory: EventStoreFactory): () => EventStore {
  let current: Awaited<ReturnType<EventStoreFactory>> | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('The event store is only available inside a test');
    return current.store;
  };
}

/**
 * Unique per call, so the contract also holds on a store shared between tests or runs (a real
 * EventStoreDB cannot be emptied between tests).
 */
export const newStreamId = (prefix = 'contract'): string => `${prefix}-${randomUUID()}`;

export function newEvent(type = 'ThingHappened', data: JsonValue = {}, metadata: JsonValue = {}): EventData {
  return { id: randomUUID(), type, data, metadata };
}

export const newEvents = (count: number, type = 'ThingHappened'): EventData[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, { index }));

export async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const collected: RecordedEvent[] = [];
  for await (const event of events) collected.push(event);
  return collected;
}

/** The error a promise rejects with; fails the test if it fulfils. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  const outcome = await promise.then(
    (value) => ({ fulfilled: true as const, value }),
    (error: unknown) => ({ fulfilled: false as const, error }),
  );
  if (outcome.fulfilled) throw new Error(`Expected a rejection, got ${String(outcome.value)}`);
  return outcome.error;
}

export async function expectWrongExpectedRevision(promise: Promise<unknown>, actual: bigint): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ actual });
}

export function expectStrictlyIncreasing(values: readonly bigint[]): void {
  values.slice(1).forEach((value, index) => {
    const previous = values[index] ?? -1n;
    if (value <= previous)
      throw new Error(`${value} follows ${previous} at index ${index + 1}: not increasing`);
  });
}

/** Records what a subscription delivers and lets a test wait, without a clock, for the nth event. */
export class DeliveryRecorder {
  readonly events: RecordedEvent[] = [];
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  readonly handler = (event: RecordedEvent): void => {
    this.events.push(event);
    for (const waiter of this.waiters.filter((candidate) => this.events.length >= candidate.count)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };

  get ids(): string[] {
    return this.events.map((event) => event.id);
  }

  /** Resolves once `count` events have arrived; a subscription that never delivers them times the test out. */
  received(count: number): Promise<void> {
    if (this.events.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}

/** Lets pending callbacks (a straggling delivery, say) run before a negative assertion. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
