import { IdempotencyViolationError, WrongExpectedRevisionError } from '../event-store.errors';
import type { AppendResult, EventData, ExpectedRevision, RecordedEvent } from '../event-store.port';
import type { ExistingEventId, SqliteStatements } from './sqlite-statements';

/** Runs synchronously inside an append's savepoint; a throw rolls that append back. */
export type InlineHook = (events: readonly RecordedEvent[]) => void;

export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly EventData[];
  readonly expectedRevision: ExpectedRevision;
}

/**
 * Writes one append inside the caller's open transaction (the batch's savepoint). Throws, leaving the
 * rollback to the caller, on a revision mismatch, an idempotency violation or a throwing hook.
 */
export function writeAppend(
  statements: SqliteStatements,
  request: AppendRequest,
  recordedAt: Date,
  hooks: readonly InlineHook[],
): AppendResult {
  const { streamId, events, expectedRevision } = request;
  const replayed = findReplayedAppend(statements, request);
  if (replayed) return replayed;

  const head = statements.streamHead.get(streamId);
  const current = head?.last_revision ?? -1n;
  if (!revisionMatches(expectedRevision, current)) {
    throw new WrongExpectedRevisionError(streamId, expectedRevision, current);
  }
  if (events.length === 0) return { nextRevision: current, position: head?.last_position ?? 0n };

  const recordedAtText = recordedAt.toISOString();
  const recorded = events.map((event, index): RecordedEvent => {
    const revision = current + 1n + BigInt(index);
    const data = JSON.stringify(event.data);
    const metadata = JSON.stringify(event.metadata);
    const row = statements.insertEvent.get(
      streamId,
      revision,
      event.id,
      event.type,
      data,
      metadata,
      recordedAtText,
    );
    if (!row) throw new Error('INSERT ... RETURNING returned no row');
    return {
      id: event.id,
      type: event.type,
      streamId,
      revision,
      position: row.position,
      // Parsed back so hooks see exactly what a later read returns (e.g. no undefined-valued keys).
      data: JSON.parse(data) as RecordedEvent['data'],
      metadata: JSON.parse(metadata) as RecordedEvent['metadata'],
      recordedAt,
    };
  });
  const last = lastOf(recorded);
  statements.upsertStreamHead.run(streamId, last.revision, last.position);
  for (const hook of hooks) hook(recorded);
  return { nextRevision: last.revision, position: last.position };
}

function revisionMatches(expected: ExpectedRevision, current: bigint): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1n;
    case 'stream_exists':
      return current >= 0n;
    default:
      return current === expected;
  }
}

/**
 * EventStoreDB's idempotence: when every id of the append is already stored, consecutively and in
 * order, in this stream, the append is a retry of one that succeeded and returns its original result.
 * Any other overlap cannot be a retry and is refused rather than half-applied.
 */
function findReplayedAppend(statements: SqliteStatements, request: AppendRequest): AppendResult | undefined {
  const ids = request.events.map((event) => event.id);
  if (ids.length === 0) return undefined;
  if (new Set(ids).size !== ids.length) {
    throw new IdempotencyViolationError(`An append to ${request.streamId} repeats an event id`, {
      streamId: request.streamId,
    });
  }
  const existing = new Map<string, ExistingEventId>(
    statements.existingEventIds.all(JSON.stringify(ids)).map((row) => [row.event_id, row]),
  );
  if (existing.size === 0) return undefined;
  const rows = ids.map((id) => existing.get(id));
  const first = rows[0];
  const isRetry =
    first !== undefined &&
    rows.every(
      (row, index) =>
        row !== undefined &&
        row.stream_id === request.streamId &&
        row.revision === first.revision + BigInt(index),
    );
  if (!isRetry) {
    throw new IdempotencyViolationError(
      `${existing.size} of ${ids.length} event ids of an append to ${request.streamId} are already stored` +
        ' but not as one earlier append to this stream',
      { streamId: request.streamId, alreadyStored: [...existing.keys()] },
    );
  }
  const last = lastOf(rows);
  return { nextRevision: last.revision, position: last.position };
}

function lastOf<T>(items: readonly (T | undefined)[]): T {
  const last = items[items.length - 1];
  if (last === undefined) throw new Error('lastOf called on an empty list');
  return last;
}
