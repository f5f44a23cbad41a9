/** Codes a client sees in `extensions.code`; every error a user can cause maps to one of them. */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/**
 * Base of every error a user can cause. The API maps `code` to `extensions.code` once, in one place;
 * anything that is not a DomainError is an internal fault and reaches clients only as "Internal error".
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    /** Extra machine-readable detail for `extensions` (field names, versions); never internals. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;

  constructor(
    readonly field: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`${field}: ${reason} (got ${shown(value)})`, { field });
  }
}

/** The offending value as the message shows it: JSON, cut short so a huge input stays readable. */
function shown(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  return json === undefined ? 'nothing' : json.slice(0, 120);
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;

  constructor(kind: string, id: string) {
    super(`${kind} ${id} was not found`, { kind, id });
  }
}

/** A state conflict: stale version, or a command the aggregate's current state forbids. */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
}

/** The caller is known but may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
}

/** No valid API token came with the request. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
}
