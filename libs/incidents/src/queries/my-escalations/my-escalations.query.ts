import { Query } from '@nestjs/cqrs';
import type { Viewer } from '@app/core';
import type { EscalationStatus } from '../../domain/escalation.vocabulary';
import type { RequestType } from '../../domain/sla/sla.vocabulary';
import type { EscalationView } from '../../projections/escalation-view';

export interface InboxEntry {
  readonly cursor: string;
  readonly incidentId: string;
  readonly escalation: EscalationView;
  readonly severity: string | null;
  readonly nextDueAt: string | null;
  readonly reportsAboutDomain: number;
}

export interface InboxPage {
  readonly entries: readonly InboxEntry[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

export const OPEN_ESCALATION_STATUSES: readonly EscalationStatus[] = [
  'OPEN',
  'ACKNOWLEDGED',
  'AWAITING_INFORMATION',
];

/** The escalations addressed to one organisation, most urgent first. */
export class MyEscalationsQuery extends Query<InboxPage> {
  constructor(
    readonly organisationId: string,
    readonly status: readonly EscalationStatus[],
    readonly requestType: readonly RequestType[] | null,
    readonly first: number,
    readonly after: string | null,
    /** Counts about other incidents include only those this viewer may see. */
    readonly viewer: Viewer,
  ) {
    super();
  }
}
