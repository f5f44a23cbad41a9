import { Query } from '@nestjs/cqrs';

export interface EvidenceContent {
  readonly evidenceId: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly size: number;
  readonly contentBase64: string;
}

/** The stored bytes of one piece of evidence; NOT_FOUND when unknown or recorded by hash only. */
export class GetEvidenceContentQuery extends Query<EvidenceContent> {
  constructor(
    readonly incidentId: string,
    readonly evidenceId: string,
  ) {
    super();
  }
}
