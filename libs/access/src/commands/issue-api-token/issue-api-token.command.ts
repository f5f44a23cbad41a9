import type { CommandContext, Viewer } from '@app/core';
import { Command } from '@nestjs/cqrs';

export interface IssueApiTokenRequest {
  readonly memberId: string;
  readonly label?: string | null | undefined;
  /** Days until the token stops working; null or absent: until revoked. */
  readonly expiresInDays?: number | null | undefined;
}

export interface IssuedApiToken {
  /** The secret, shown this once; only its hash is stored. */
  readonly secret: string;
  readonly tokenId: string;
  readonly position: bigint;
}

export class IssueApiTokenCommand extends Command<IssuedApiToken> {
  constructor(
    readonly input: IssueApiTokenRequest,
    /** Null only for the bootstrap's first coordinator token. */
    readonly viewer: Viewer | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}
