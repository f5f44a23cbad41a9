import {
  BACKWARDS,
  END,
  type EventStoreDBClient,
  type ResolvedEvent,
  StreamNotFoundError,
  type StreamingRead,
} from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port';
import { isHidden, positionOf, toRecordedEvent } from './eventstoredb-codec';

/**
 * Iterates a client read. A stream that does not exist reads as empty (the server answers with a
 * stream_not_found message, which the client raises as an error).
 *
 * A consumer that stops early must not leave the read half-consumed: the client keeps every gRPC
 * call in a set until the call's stream has ended, and `dispose()` waits for them all. A plain
 * `for await` destroys the client's stream object on an early exit, which unpipes and pauses the
 * gRPC stream under it; if the server had already sent everything, that stream then never ends and
 * `dispose()` hangs. So the call is cancelled (in case the server is still sending) and the rest is
 * drained.
 */
export async function* eventsOf<E extends ResolvedEvent>(read: StreamingRead<E>): AsyncGenerator<E> {
  let finished = false;
  try {
    const events = read.iterator({ destroyOnReturn: false }) as AsyncIterableIterator<E>;
    for await (const event of events) yield event;
    finished = true;
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
    finished = true;
  } finally {
    if (!finished) {
      await read.cancel();
      read.resume();
    }
  }
}

/** The stream's last event, or undefined when the stream does not exist. */
export async function lastEventOf(
  client: EventStoreDBClient,
  streamId: string,
): Promise<RecordedEvent | undefined> {
  for await (const resolved of eventsOf(
    client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }),
  )) {
    return toRecordedEvent(resolved);
  }
  return undefined;
}

/**
 * The position of the last event in `$all` that passes `visible` (of the last event when omitted), or
 * 0n: one call reading backwards from the end, cancelled at the first match.
 */
export async function lastPositionInAll(
  client: EventStoreDBClient,
  visible?: (resolved: ResolvedEvent) => boolean,
): Promise<bigint> {
  const maxCount = visible ? Number.MAX_SAFE_INTEGER : 1;
  const read = client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount });
  for await (const resolved of eventsOf(read)) {
    if (!visible || visible(resolved)) return positionOf(resolved) ?? 0n;
  }
  return 0n;
}

export const isVisible = (resolved: ResolvedEvent): boolean => !isHidden(resolved);
