import type { CommandContext, Viewer } from '@app/core';
import { Command } from '@nestjs/cqrs';
import type { RequestType } from '../../domain/sla/sla.vocabulary';
import type { EscalationWriteResult } from '../escalation-change.base';

export interface EscalateIncidentRequest {
  readonly incidentId: string;
  /** The party to ask; by default the first party of the routing chain the directory knows. */
  readonly organisationId?: string | null | undefined;
  /** The domains the request is about; by default every domain of the incident. */
  readonly domains?: readonly string[] | null | undefined;
  readonly requestType: RequestType;
  readonly message?: string | null | undefined;
}

export class EscalateIncidentCommand extends Command<EscalationWriteResult> {
  constructor(
    readonly request: EscalateIncidentRequest,
    readonly viewer: Viewer,
    readonly context: CommandContext,
  ) {
    super();
  }
}
