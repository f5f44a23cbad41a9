import {
  ANY,
  type AppendExpectedRevision,
  jsonEvent,
  type JSONEventData,
  type JSONType,
  NO_STREAM,
  type ReadPosition,
  type ResolvedEvent,
  START,
  STREAM_EXISTS,
  type WrongExpectedVersionError,
} from '@eventstore/db-client';
import type {
  EventData,
  ExpectedRevision,
  JsonValue,
  RecordedEvent,
  SubscriptionFilter,
} from '../event-store.port';

/**
 * Streams the adapter writes for its own bookkeeping (see `eventstoredb-event-id-claims.ts`). They
 * live in `$all` like any stream, so reads and subscriptions hide them; the prefix is reserved.
 */
export const CLAIM_STREAM_PREFIX = 'event-id-claim-';

/** What a server older than 22.6 sends as the position of an event read from a stream: unknown. */
const UNKNOWN_POSITION = 2n ** 64n - 1n;

export function toEventData(event: EventData): JSONEventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    // The client types JSON data as object, array or string, but sends any JSON value (JSON.stringify).
    data: event.data as JSONType,
    // Encoded here because the client drops falsy metadata (null, false, 0, ''), which would then read
    // back as missing; bytes are always sent. It must be a plain Uint8Array, not a Buffer.
    metadata: new TextEncoder().encode(JSON.stringify(event.metadata)),
  });
}

/** The port's expectation in the client's terms; -1n, "before the first event", means no stream. */
export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      if (expected === -1n) return NO_STREAM;
      if (expected < -1n) throw new RangeError(`An expected revision cannot be ${expected}`);
      return expected;
  }
}

export function actualRevisionOf(error: WrongExpectedVersionError): bigint {
  return typeof error.actualVersion === 'bigint' ? error.actualVersion : -1n;
}

/** Port positions are exclusive checkpoints; 0n is "before everything", which the server calls START. */
export function toReadPosition(position: bigint): ReadPosition {
  return position === 0n ? START : { commit: position, prepare: position };
}

/** The commit position in `$all`: the port's position. */
export function positionOf(resolved: ResolvedEvent): bigint | undefined {
  const position = resolved.event?.position?.commit ?? resolved.commitPosition;
  return position === UNKNOWN_POSITION ? undefined : position;
}

/**
 * System events (types starting with `$`: stream metadata, statistics, projection state, links),
 * events in system streams (`$...`) and the adapter's claims are not the application's events.
 */
export function isHidden(resolved: ResolvedEvent): boolean {
  const event = resolved.event;
  if (!event) return true;
  return (
    event.type.startsWith('$') ||
    event.streamId.startsWith('$') ||
    event.streamId.startsWith(CLAIM_STREAM_PREFIX)
  );
}

export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new TypeError('A read returned a link whose event was not resolved');
  if (!event.isJson) {
    throw new TypeError(
      `Event ${event.id} in ${event.streamId} is not JSON; this store reads JSON events only`,
    );
  }
  const position = positionOf(resolved);
  if (position === undefined) {
    throw new TypeError(
      `The server sent no $all position for event ${event.id} in ${event.streamId}: ` +
        'stream reads carry it from EventStoreDB 22.6 on',
    );
  }
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position,
    data: event.data as JsonValue,
    metadata: metadataOf(event.metadata),
    recordedAt: event.created,
  };
}

/** The client parses JSON metadata itself; bytes mean it was not JSON, absence that there was none. */
function metadataOf(metadata: unknown): JsonValue {
  if (metadata === undefined) return null;
  if (metadata instanceof Uint8Array) throw new TypeError('Event metadata is not JSON');
  return metadata as JsonValue;
}

export function matcher(filter: SubscriptionFilter | undefined): (event: RecordedEvent) => boolean {
  const types = filter?.eventTypes ? new Set(filter.eventTypes) : undefined;
  const prefixes = filter?.streamPrefixes;
  return (event) =>
    (types === undefined || types.has(event.type)) &&
    (prefixes === undefined || prefixes.some((prefix) => event.streamId.startsWith(prefix)));
}
