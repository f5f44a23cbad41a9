import { IncidentChangeCommand } from '../incident-command.base';
import type { IncidentCategory, Severity } from '../../domain/incident.vocabulary';

export interface TriageIncidentRequest {
  readonly severity: Severity;
  readonly category?: IncidentCategory | null | undefined;
  readonly note?: string | null | undefined;
}

export class TriageIncidentCommand extends IncidentChangeCommand<TriageIncidentRequest> {}
