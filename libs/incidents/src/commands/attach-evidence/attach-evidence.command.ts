import type { EvidenceKind } from '../../domain/incident.vocabulary';
import { IncidentChangeCommand } from '../incident-command.base';

export interface AttachEvidenceRequest {
  readonly kind: EvidenceKind;
  readonly contentBase64?: string | null | undefined;
  readonly sha256?: string | null | undefined;
  readonly size?: number | null | undefined;
  readonly mediaType?: string | null | undefined;
  readonly note?: string | null | undefined;
}

export class AttachEvidenceCommand extends IncidentChangeCommand<AttachEvidenceRequest> {}
