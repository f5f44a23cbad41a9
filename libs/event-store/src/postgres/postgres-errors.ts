import { DatabaseError } from 'pg';
import { IdempotencyViolationError } from '../event-store.errors';

export class PostgresEventStoreClosedError extends Error {
  constructor() {
    super('The PostgreSQL event store is closed');
    this.name = 'PostgresEventStoreClosedError';
  }
}

/**
 * The server could not be reached or dropped the connection. Retrying is safe: an append retried with
 * the same event ids is idempotent, even when the first attempt did commit (`outcomeUnknown`).
 */
export class PostgresUnavailableError extends Error {
  constructor(
    message: string,
    /** The connection failed during COMMIT: the append may or may not be stored. */
    readonly outcomeUnknown: boolean,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'PostgresUnavailableError';
  }
}

const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
]);
/** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** What pg throws when the socket ends or the pool cannot connect in time. */
const CONNECTION_MESSAGES = /Connection terminated|connection error|timeout exceeded when trying to connect/i;

function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_ERRORS.has(code) || UNAVAILABLE_STATES.has(code)) return true;
    // SQLSTATE class 08: connection exception.
    if (error instanceof DatabaseError && code.startsWith('08')) return true;
  }
  return CONNECTION_MESSAGES.test(error.message);
}

/**
 * Turns what pg throws into the store's errors: connection failures become PostgresUnavailableError,
 * a duplicate event id that got past the idempotency check (only possible if something wrote to the
 * table without the append lock) becomes IdempotencyViolationError; anything else is passed through.
 */
export function toStoreError(error: unknown, during: 'open' | 'append' | 'commit' | 'read'): unknown {
  if (
    error instanceof DatabaseError &&
    error.code === '23505' &&
    error.constraint === 'events_event_id_key'
  ) {
    return new IdempotencyViolationError('An event id of this append is already stored', {});
  }
  if (!isConnectionFailure(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (during === 'commit') {
    return new PostgresUnavailableError(
      `PostgreSQL connection lost while committing an append; it may or may not be stored (${message})`,
      true,
      { cause: error },
    );
  }
  return new PostgresUnavailableError(`PostgreSQL unavailable during ${during}: ${message}`, false, {
    cause: error,
  });
}
