import type { CommandContext, Viewer } from '@app/core';
import { Command } from '@nestjs/cqrs';

export interface EscalationWriteResult {
  readonly incidentId: string;
  readonly escalationId: string;
  readonly position: bigint;
}

/** An answer to (or a change of) one escalation, as it arrives from the API. */
export abstract class EscalationChangeCommand<Input> extends Command<EscalationWriteResult> {
  constructor(
    readonly escalationId: string,
    readonly input: Input,
    readonly viewer: Viewer,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export type EscalationChangeCommandClass<Input> = new (
  escalationId: string,
  input: Input,
  viewer: Viewer,
  context: CommandContext,
) => EscalationChangeCommand<Input>;
