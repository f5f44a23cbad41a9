import type { CommandContext, Viewer } from '@app/core';
import { Command } from '@nestjs/cqrs';
import type { IncidentWriteResult } from '../../infrastructure/incident-stream.repository';

/** Names an organisation as a recipient of the incident (what TLP:RED visibility requires). */
export class ShareIncidentCommand extends Command<IncidentWriteResult> {
  constructor(
    readonly incidentId: string,
    readonly organisationId: string,
    readonly viewer: Viewer,
    readonly context: CommandContext,
  ) {
    super();
  }
}
