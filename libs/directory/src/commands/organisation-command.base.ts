import type { CommandContext, Viewer } from '@app/core';
import { Command } from '@nestjs/cqrs';
import type { OrganisationWriteResult } from '../infrastructure/organisation-stream.repository';

/** A directory change as it arrives from the API: raw input, the organisation, and who asked. */
export abstract class OrganisationChangeCommand<Input> extends Command<OrganisationWriteResult> {
  constructor(
    readonly organisationId: string,
    readonly input: Input,
    readonly viewer: Viewer,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export type OrganisationChangeCommandClass<Input> = new (
  organisationId: string,
  input: Input,
  viewer: Viewer,
  context: CommandContext,
) => OrganisationChangeCommand<Input>;
