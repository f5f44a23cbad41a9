import type { CommandContext, Viewer } from '@app/core';
import { Command } from '@nestjs/cqrs';

export interface AddMemberRequest {
  readonly organisationId: string;
  readonly name: string;
  readonly email: string;
  readonly admin?: boolean | null | undefined;
}

/** Resolves to the new member's id. */
export class AddMemberCommand extends Command<{ memberId: string; position: bigint }> {
  constructor(
    readonly input: AddMemberRequest,
    readonly viewer: Viewer | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}
