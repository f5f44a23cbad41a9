import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '@app/core/nest';
import type { Viewer } from '@app/core';
import type { IncidentView } from '../projections/incident-view';
import { MyEscalationsQuery, OPEN_ESCALATION_STATUSES } from '../queries/my-escalations/my-escalations.query';
import { EscalationType, InboxEscalationConnectionType } from './escalation.type';
import { MyEscalationsFilterInput } from './escalation.inputs';
import { presentEscalation } from './escalation.presenter';
import { IncidentType } from './incident.type';

@Resolver(() => IncidentType)
export class EscalationQueriesResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => InboxEscalationConnectionType, {
    description: "Escalations addressed to the caller's organisation, most urgent first",
  })
  async myEscalations(
    @Args('filter', { type: () => MyEscalationsFilterInput, nullable: true })
    filter: MyEscalationsFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: 20, description: 'Page size, 1 to 100' }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<InboxEscalationConnectionType> {
    const status = filter?.status?.length ? filter.status : OPEN_ESCALATION_STATUSES;
    const page = await this.queries.execute(
      new MyEscalationsQuery(
        viewer.organisationId,
        status,
        filter?.requestType ?? null,
        first,
        after ?? null,
        viewer,
      ),
    );
    const edges = page.entries.map((entry) => ({
      cursor: entry.cursor,
      node: {
        escalation: presentEscalation(entry.escalation, entry.incidentId),
        severity: entry.severity,
        nextDueAt: entry.nextDueAt,
        reportsAboutDomain: entry.reportsAboutDomain,
      },
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @ResolveField('escalations', () => [EscalationType], {
    description: 'Requests sent to parties, oldest first',
  })
  escalations(@Parent() incident: IncidentView): EscalationType[] {
    return (incident.escalations ?? []).map((e) => presentEscalation(e, incident.id));
  }
}
