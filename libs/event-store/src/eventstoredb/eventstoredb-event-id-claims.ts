import {
  type EventStoreDBClient,
  jsonEvent,
  NO_STREAM,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { CLAIM_STREAM_PREFIX } from './eventstoredb-codec';
import { eventsOf } from './eventstoredb-reads';

/**
 * Event ids unique across the whole store, which the port promises and EventStoreDB does not keep:
 * the server only recognises a repeated write to the same stream, and only while it still remembers
 * it. So before an append, each event id is claimed for its stream by writing one event to the
 * stream `event-id-claim-<id>` with expected revision no_stream: exactly one writer can create it,
 * and it then names the stream that id belongs to, for good.
 *
 * A claim is never released, not even when the append it was made for fails: releasing could race a
 * retry of the same append that succeeds, and leave an id free that is in fact stored. So an id once
 * offered to a stream can later be appended to that stream only. Each claim costs one small write,
 * made concurrently for the events of an append.
 */
export interface EventIdClaim {
  readonly id: string;
  /** The stream the id belongs to. */
  readonly streamId: string;
  /** Whether this call made the claim, or found it made by an earlier append (or attempt). */
  readonly fresh: boolean;
}

const CLAIM_EVENT_TYPE = 'EventIdClaimed';
/** Claims written at once for one append: enough to hide latency, few enough not to flood the server. */
const CONCURRENT_CLAIMS = 16;

export const claimStreamOf = (eventId: string): string => `${CLAIM_STREAM_PREFIX}${eventId}`;

export function claimEventIds(
  client: EventStoreDBClient,
  streamId: string,
  eventIds: readonly string[],
): Promise<EventIdClaim[]> {
  return mapConcurrently(eventIds, CONCURRENT_CLAIMS, (id) => claimEventId(client, streamId, id));
}

async function claimEventId(client: EventStoreDBClient, streamId: string, id: string): Promise<EventIdClaim> {
  try {
    await client.appendToStream(
      claimStreamOf(id),
      jsonEvent({ type: CLAIM_EVENT_TYPE, data: { streamId } }),
      {
        expectedRevision: NO_STREAM,
      },
    );
    return { id, streamId, fresh: true };
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
  }
  return { id, streamId: await claimantOf(client, id), fresh: false };
}

async function claimantOf(client: EventStoreDBClient, id: string): Promise<string> {
  for await (const resolved of eventsOf(client.readStream(claimStreamOf(id), { maxCount: 1 }))) {
    const data: unknown = resolved.event?.data;
    if (
      typeof data === 'object' &&
      data !== null &&
      'streamId' in data &&
      typeof data.streamId === 'string'
    ) {
      return data.streamId;
    }
  }
  throw new Error(`The claim stream of event id ${id} exists but names no stream`);
}

async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const work = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) {
      const item = items[index] as T;
      results[index] = await map(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, work));
  return results;
}
