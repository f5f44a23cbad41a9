import type { Pool, PoolClient } from 'pg';
import { IdempotencyViolationError, WrongExpectedRevisionError } from '../event-store.errors';
import type { AppendResult, EventData, ExpectedRevision } from '../event-store.port';
import { toStoreError } from './postgres-errors';
import type { PostgresStatements } from './postgres-statements';

export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly EventData[];
  readonly expectedRevision: ExpectedRevision;
}

interface AppendStateRow {
  readonly last_revision: bigint | null;
  readonly last_position: bigint | null;
  readonly head: bigint;
  readonly event_id: string | null;
  readonly event_stream_id: string | null;
  readonly revision: bigint | null;
  readonly position: bigint | null;
}

interface StoredId {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
}

/**
 * Appends in one transaction that first takes the store's append lock (a transaction-scoped advisory
 * lock), then reads the log's head and assigns positions head+1... A sequence would not do: its values
 * are handed out at INSERT but become visible at COMMIT, in any order, so a reader of
 * `position > checkpoint` could see 8, move its checkpoint past 7 and never see 7 commit a moment later.
 * Holding the lock until COMMIT makes commit order equal position order. PostgreSQL makes a commit
 * visible before it releases the transaction's locks, and the head is read in a statement that starts
 * after the lock is granted, so the next writer always sees the previous one's events.
 * The lock also serialises the expected-revision and idempotency checks, so they need no row locks.
 */
export async function appendInTransaction(
  pool: Pool,
  statements: PostgresStatements,
  request: AppendRequest,
): Promise<AppendResult> {
  assertDistinctIds(request);
  const client = await pool.connect().catch((error: unknown) => {
    throw toStoreError(error, 'append');
  });
  let phase: 'append' | 'commit' = 'append';
  let broken: Error | undefined;
  try {
    await client.query(statements.appendLock);
    const result = await writeAppend(client, statements, request);
    phase = 'commit';
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken = await rollback(client);
    throw toStoreError(error, phase);
  } finally {
    client.release(broken);
  }
}

/** The current state of an empty append's stream; an empty append writes nothing, so it needs no lock. */
export async function checkEmptyAppend(
  pool: Pool,
  statements: PostgresStatements,
  request: AppendRequest,
): Promise<AppendResult> {
  const { rows } = await pool
    .query<Pick<AppendStateRow, 'last_revision' | 'last_position'>>(
      statements.query('streamHead', [request.streamId]),
    )
    .catch((error: unknown) => {
      throw toStoreError(error, 'read');
    });
  const current = rows[0]?.last_revision ?? -1n;
  assertRevision(request, current);
  return { nextRevision: current, position: rows[0]?.last_position ?? 0n };
}

async function writeAppend(
  client: PoolClient,
  statements: PostgresStatements,
  request: AppendRequest,
): Promise<AppendResult> {
  const { streamId, events } = request;
  const ids = events.map((event) => event.id);
  const { rows } = await client.query<AppendStateRow>(statements.query('appendState', [streamId, ids]));
  const state = rows[0];
  if (state === undefined) throw new Error('The append state query returned no row');

  const replayed = replayedResult(request, rows);
  if (replayed) return replayed;
  const current = state.last_revision ?? -1n;
  assertRevision(request, current);

  const count = BigInt(events.length);
  await client.query(
    statements.query('insertEvents', [
      state.head,
      streamId,
      current,
      ids,
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event.data)),
      events.map((event) => JSON.stringify(event.metadata)),
      count,
    ]),
  );
  return { nextRevision: current + count, position: state.head + count };
}

function assertRevision({ streamId, expectedRevision }: AppendRequest, current: bigint): void {
  const matches =
    expectedRevision === 'any' ||
    (expectedRevision === 'no_stream' && current === -1n) ||
    (expectedRevision === 'stream_exists' && current >= 0n) ||
    expectedRevision === current;
  if (!matches) throw new WrongExpectedRevisionError(streamId, expectedRevision, current);
}

function assertDistinctIds({ streamId, events }: AppendRequest): void {
  if (new Set(events.map((event) => event.id)).size !== events.length) {
    throw new IdempotencyViolationError(`An append to ${streamId} repeats an event id`, { streamId });
  }
}

/**
 * EventStoreDB's idempotence: when every id of the append is already stored, consecutively and in
 * order, in this stream, the append is a retry of one that succeeded and returns its original result.
 * Any other overlap cannot be a retry and is refused rather than half-applied.
 */
function replayedResult(request: AppendRequest, rows: readonly AppendStateRow[]): AppendResult | undefined {
  const stored = new Map<string, StoredId>();
  for (const row of rows) {
    if (
      row.event_id === null ||
      row.event_stream_id === null ||
      row.revision === null ||
      row.position === null
    )
      continue;
    stored.set(row.event_id, {
      streamId: row.event_stream_id,
      revision: row.revision,
      position: row.position,
    });
  }
  if (stored.size === 0) return undefined;
  const found = request.events.map((event) => stored.get(event.id));
  const first = found[0];
  const isRetry =
    first !== undefined &&
    found.every(
      (id, index) =>
        id !== undefined &&
        id.streamId === request.streamId &&
        id.revision === first.revision + BigInt(index),
    );
  const last = found[found.length - 1];
  if (!isRetry || last === undefined) {
    throw new IdempotencyViolationError(
      `${stored.size} of ${found.length} event ids of an append to ${request.streamId} are already stored` +
        ' but not as one earlier append to this stream',
      { streamId: request.streamId, alreadyStored: [...stored.keys()] },
    );
  }
  return { nextRevision: last.revision, position: last.position };
}

/** Rolls back; returns the error to discard the client with when the connection is no longer usable. */
async function rollback(client: PoolClient): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
