import type { CommandContext } from '@app/core';
import { Command } from '@nestjs/cqrs';
import type { SlaClock } from '../../domain/sla/sla.vocabulary';

/** A timer fired: a reminder (`fraction` set) or a deadline (`fraction` null). Sent by the SLA processor only. */
export class RecordSlaTimerCommand extends Command<{ readonly changed: boolean }> {
  constructor(
    readonly incidentId: string,
    readonly escalationId: string,
    readonly clock: SlaClock,
    readonly fraction: number | null,
    readonly dueAt: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
