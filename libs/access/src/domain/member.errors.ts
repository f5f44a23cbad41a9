import { ConflictError, NotFoundError } from '@app/core';

export class MemberNotFoundError extends NotFoundError {
  constructor(memberId: string) {
    super('Member', memberId);
  }
}

export class MemberAlreadyExistsError extends ConflictError {
  constructor(memberId: string) {
    super(`Member ${memberId} already exists`, { memberId });
  }
}

export class ApiTokenNotFoundError extends NotFoundError {
  constructor(tokenId: string) {
    super('API token', tokenId);
  }
}

/** At most this many live tokens per member, so a leaked admin token cannot mint without bound. */
export const MAX_ACTIVE_TOKENS_PER_MEMBER = 20;

export class TooManyTokensError extends ConflictError {
  constructor(memberId: string) {
    super(
      `Member ${memberId} already has ${MAX_ACTIVE_TOKENS_PER_MEMBER} active API tokens: revoke one first`,
      { memberId },
    );
  }
}
