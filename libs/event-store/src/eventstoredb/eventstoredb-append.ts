import { BACKWARDS, END, type EventStoreDBClient, WrongExpectedVersionError } from '@eventstore/db-client';
import { IdempotencyViolationError, WrongExpectedRevisionError } from '../event-store.errors';
import type { AppendResult, EventData, ExpectedRevision, RecordedEvent } from '../event-store.port';
import {
  actualRevisionOf,
  CLAIM_STREAM_PREFIX,
  toClientExpectedRevision,
  toEventData,
  toRecordedEvent,
} from './eventstoredb-codec';
import { claimEventIds } from './eventstoredb-event-id-claims';
import { eventsOf, lastEventOf } from './eventstoredb-reads';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The port's append over EventStoreDB. The server checks the expected revision and writes atomically;
 * idempotency by event id is the adapter's (EventStoreDB's own covers some retries to one stream):
 *
 * 1. claim every id for this stream (`eventstoredb-event-id-claims.ts`); an id claimed for another
 *    stream makes the append an IdempotencyViolationError before anything is written;
 * 2. if some ids were claimed before, look for them in the stream: all of them, consecutive and in
 *    order, is a retry and returns the original result; some of them is a violation; none of them
 *    means the earlier attempt failed, and the append goes ahead;
 * 3. append; on a wrong expected revision, ids claimed before are looked for once more, since a
 *    concurrent attempt with the same ids may have written them first.
 *
 * Looking for ids reads the stream backwards until all are found, so a retry of a recent append is
 * cheap and only a failed attempt's retry reads the whole stream.
 */
export async function appendEvents(
  client: EventStoreDBClient,
  streamId: string,
  events: readonly EventData[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const ids = checkedIds(streamId, events);
  if (ids.length === 0) return checkExpectation(client, streamId, expected);

  const claims = await claimEventIds(client, streamId, ids);
  const elsewhere = claims.filter((claim) => claim.streamId !== streamId);
  if (elsewhere.length > 0) {
    throw new IdempotencyViolationError(
      `${elsewhere.length} of ${ids.length} event ids of an append to ${streamId} belong to other streams`,
      { streamId, alreadyStored: elsewhere.map((claim) => claim.id) },
    );
  }
  const claimedBefore = claims.some((claim) => !claim.fresh);
  const earlier = claimedBefore ? await findEarlierAppend(client, streamId, ids) : undefined;
  if (earlier) return earlier;
  try {
    return await write(client, streamId, events, expected, { trustPosition: !claimedBefore });
  } catch (error) {
    if (!claimedBefore || !(error instanceof WrongExpectedRevisionError)) throw error;
    const concurrent = await findEarlierAppend(client, streamId, ids);
    if (concurrent) return concurrent;
    throw error;
  }
}

/** EventStoreDB needs UUIDs; it reports them in lower case, so they are compared that way. */
function checkedIds(streamId: string, events: readonly EventData[]): string[] {
  if (streamId.startsWith('$') || streamId.startsWith(CLAIM_STREAM_PREFIX)) {
    throw new TypeError(`${streamId} is a system or reserved stream name`);
  }
  const ids = events.map((event) => event.id.toLowerCase());
  const malformed = ids.find((id) => !UUID.test(id));
  if (malformed !== undefined) throw new TypeError(`EventStoreDB event ids are UUIDs, got ${malformed}`);
  if (new Set(ids).size !== ids.length) {
    throw new IdempotencyViolationError(`An append to ${streamId} repeats an event id`, { streamId });
  }
  return ids;
}

/** An empty append writes nothing, so reading the stream's head is as good as a server-side check. */
async function checkExpectation(
  client: EventStoreDBClient,
  streamId: string,
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const last = await lastEventOf(client, streamId);
  const current = last?.revision ?? -1n;
  const matches =
    expected === 'any' ||
    (expected === 'no_stream' && current === -1n) ||
    (expected === 'stream_exists' && current >= 0n) ||
    expected === current;
  if (!matches) throw new WrongExpectedRevisionError(streamId, expected, current);
  return { nextRevision: current, position: last?.position ?? 0n };
}

/**
 * The server answers a write with the commit position of the write, taken as the event's position
 * when it wrote one event. That it is the last event's position when it wrote several, the clients'
 * maintainers vouch for only "most of the time"; and a write the server takes for a repeat (possible
 * only when ids were claimed before) reports the original write's position, or none. In those cases
 * the last event is read back: one more call.
 */
async function write(
  client: EventStoreDBClient,
  streamId: string,
  events: readonly EventData[],
  expected: ExpectedRevision,
  { trustPosition }: { trustPosition: boolean },
): Promise<AppendResult> {
  try {
    const result = await client.appendToStream(
      streamId,
      events.map((event) => toEventData({ ...event, id: event.id.toLowerCase() })),
      { expectedRevision: toClientExpectedRevision(expected) },
    );
    const nextRevision = result.nextExpectedRevision;
    const reported = trustPosition && events.length === 1 ? result.position?.commit : undefined;
    const position = reported ?? (await eventAt(client, streamId, nextRevision)).position;
    return { nextRevision, position };
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    throw new WrongExpectedRevisionError(streamId, expected, actualRevisionOf(error));
  }
}

async function eventAt(
  client: EventStoreDBClient,
  streamId: string,
  revision: bigint,
): Promise<RecordedEvent> {
  for await (const resolved of eventsOf(
    client.readStream(streamId, { fromRevision: revision, maxCount: 1 }),
  )) {
    return toRecordedEvent(resolved);
  }
  throw new Error(`Event ${revision} of ${streamId} was reported written but cannot be read`);
}

/** The original result if `ids` are stored in the stream as one append; undefined if none is stored. */
async function findEarlierAppend(
  client: EventStoreDBClient,
  streamId: string,
  ids: readonly string[],
): Promise<AppendResult | undefined> {
  const wanted = new Set(ids);
  const found = new Map<string, RecordedEvent>();
  const read = client.readStream(streamId, { direction: BACKWARDS, fromRevision: END });
  for await (const resolved of eventsOf(read)) {
    const id = resolved.event?.id;
    if (id === undefined || !wanted.has(id)) continue;
    found.set(id, toRecordedEvent(resolved));
    if (found.size === wanted.size) break;
  }
  if (found.size === 0) return undefined;
  const stored = ids.map((id) => found.get(id));
  const first = stored[0];
  const last = stored[stored.length - 1];
  const isOneAppend = stored.every(
    (event, index) => event !== undefined && event.revision === (first?.revision ?? 0n) + BigInt(index),
  );
  if (!isOneAppend || last === undefined) {
    throw new IdempotencyViolationError(
      `${found.size} of ${ids.length} event ids of an append to ${streamId} are already stored` +
        ' but not as one earlier append to this stream',
      { streamId, alreadyStored: [...found.keys()] },
    );
  }
  return { nextRevision: last.revision, position: last.position };
}
