import type { CommandContext, Viewer } from '@app/core';
import { Command } from '@nestjs/cqrs';

export class RevokeApiTokenCommand extends Command<{ tokenId: string; position: bigint }> {
  constructor(
    readonly tokenId: string,
    readonly viewer: Viewer,
    readonly context: CommandContext,
  ) {
    super();
  }
}
