import { CurrentViewer, DateTimeScalar } from '@app/core/nest';
import type { Viewer } from '@app/core';
import { IncidentAccessService } from '../infrastructure/incident-access.service';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import type { IncidentView } from '../projections/incident-view';
import {
  type EvidenceContent,
  GetEvidenceContentQuery,
} from '../queries/get-evidence-content/get-evidence-content.query';
import { IncidentAsOfQuery } from '../queries/incident-as-of/incident-as-of.query';
import { IncidentTimelineQuery } from '../queries/incident-timeline/incident-timeline.query';
import type { TimelineEntry } from '../queries/incident-timeline/timeline-entry';
import { ListIncidentsQuery } from '../queries/list-incidents/list-incidents.query';
import { EvidenceContentType } from './evidence-content.type';
import { IncidentConnectionType } from './incident-connection.type';
import { IncidentFilterInput } from './incident-filter.input';
import { parseIncidentFilter } from './parse-incident-filter';
import { IncidentType } from './incident.type';
import { TimelineEntryType } from '@app/core/nest';

@Resolver(() => IncidentType)
export class IncidentQueriesResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly access: IncidentAccessService,
  ) {}

  @Query(() => IncidentType, {
    description: 'One incident; NOT_FOUND when there is none with this id, or none you may see',
  })
  incident(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<IncidentView> {
    return this.access.visible(viewer, id);
  }

  @Query(() => IncidentConnectionType, { description: 'Incidents matching the filter, newest report first' })
  async incidents(
    @Args('filter', { type: () => IncidentFilterInput, nullable: true }) filter: IncidentFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: 20, description: 'Page size, 1 to 100' }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<IncidentConnectionType> {
    const page = await this.queries.execute(
      new ListIncidentsQuery(parseIncidentFilter(filter ?? null), first, after ?? null, viewer),
    );
    const edges = page.nodes.map(({ cursor, incident }) => ({
      cursor,
      node: incident as unknown as IncidentType,
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @Query(() => IncidentType, {
    description: 'The incident as it stood at a past moment, replayed from its events',
  })
  async incidentAsOf(
    @Args('id', { type: () => ID }) id: string,
    @Args('at', { type: () => DateTimeScalar }) at: Date,
    @CurrentViewer() viewer: Viewer,
  ): Promise<IncidentView> {
    await this.access.visible(viewer, id);
    return this.queries.execute(new IncidentAsOfQuery(id, at));
  }

  @Query(() => EvidenceContentType, {
    description: 'The stored content of a piece of evidence; NOT_FOUND when it was recorded by hash only',
  })
  async evidenceContent(
    @Args('incidentId', { type: () => ID }) incidentId: string,
    @Args('evidenceId', { type: () => ID }) evidenceId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<EvidenceContent> {
    await this.access.visible(viewer, incidentId);
    return this.queries.execute(new GetEvidenceContentQuery(incidentId, evidenceId));
  }

  @ResolveField('timeline', () => [TimelineEntryType], {
    description: 'The events behind this state of the incident, oldest first',
  })
  timeline(@Parent() incident: IncidentView): Promise<TimelineEntry[]> {
    return this.queries.execute(new IncidentTimelineQuery(incident.id, incident.version));
  }
}
