import { enumOf } from '@app/core/nest';
import { registerEnumType } from '@nestjs/graphql';
import {
  EVIDENCE_KINDS,
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  RESOLUTION_OUTCOMES,
  SEVERITIES,
  TLPS,
} from '../domain/incident.vocabulary';

export const SeverityEnum = enumOf(SEVERITIES);
export const IncidentCategoryEnum = enumOf(INCIDENT_CATEGORIES);
export const TlpEnum = enumOf(TLPS);
export const IncidentStatusEnum = enumOf(INCIDENT_STATUSES);
export const ResolutionOutcomeEnum = enumOf(RESOLUTION_OUTCOMES);
export const EvidenceKindEnum = enumOf(EVIDENCE_KINDS);

registerEnumType(SeverityEnum, { name: 'Severity' });
registerEnumType(IncidentCategoryEnum, { name: 'IncidentCategory' });
registerEnumType(TlpEnum, {
  name: 'Tlp',
  description: 'FIRST Traffic Light Protocol 2.0 marking',
});
registerEnumType(IncidentStatusEnum, { name: 'IncidentStatus' });
registerEnumType(ResolutionOutcomeEnum, { name: 'ResolutionOutcome' });
registerEnumType(EvidenceKindEnum, { name: 'EvidenceKind' });
