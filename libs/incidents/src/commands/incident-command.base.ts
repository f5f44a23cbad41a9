import type { CommandContext } from '@app/core';
import { Command } from '@nestjs/cqrs';
import type { IncidentWriteResult } from '../infrastructure/incident-stream.repository';

/** A change to an existing incident, as it arrives from the API: raw input plus who asked. */
export abstract class IncidentChangeCommand<Input> extends Command<IncidentWriteResult> {
  constructor(
    readonly incidentId: string,
    readonly input: Input,
    readonly context: CommandContext,
    readonly expectedVersion: number | null,
  ) {
    super();
  }
}

export type ChangeCommandClass<Input> = new (
  incidentId: string,
  input: Input,
  context: CommandContext,
  expectedVersion: number | null,
) => IncidentChangeCommand<Input>;
