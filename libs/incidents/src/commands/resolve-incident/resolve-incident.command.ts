import { IncidentChangeCommand } from '../incident-command.base';
import type { ResolutionOutcome } from '../../domain/incident.vocabulary';

export interface ResolveIncidentRequest {
  readonly outcome: ResolutionOutcome;
  readonly note?: string | null | undefined;
}

export class ResolveIncidentCommand extends IncidentChangeCommand<ResolveIncidentRequest> {}
