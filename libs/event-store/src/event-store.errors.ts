import { ConflictError } from '@app/core';
import type { ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the writer expected: someone else wrote first. */
export class WrongExpectedRevisionError extends ConflictError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or -1n when it does not exist. */
    readonly actual: bigint,
  ) {
    super(`Stream ${streamId} is at revision ${actual}, expected ${String(expected)}`, {
      streamId,
      expected: String(expected),
      actual: actual.toString(),
    });
  }
}

/** Some but not all of an append's event ids were already written, or to another stream. */
export class IdempotencyViolationError extends ConflictError {}
