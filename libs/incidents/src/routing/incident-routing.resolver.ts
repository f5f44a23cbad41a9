import { Args, ID, InputType, Field, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentViewer, RequestContext } from '@app/core/nest';
import { type CommandContext, normaliseDomain, type Viewer } from '@app/core';
import { DomainRouter, presentRoutingDecision, RoutingDecisionType } from '@app/directory';
import type { IncidentCategory } from '../domain/incident.vocabulary';
import { IncidentCategoryEnum } from '../graphql/incident-enums';
import { IncidentType } from '../graphql/incident.type';
import { RerouteIncidentPayload } from '../graphql/incident-payloads.type';
import type { IncidentView } from '../projections/incident-view';
import { GetIncidentQuery } from '../queries/get-incident/get-incident.query';
import { IncidentRoutingService } from './incident-routing.service';
import { IncidentAccessService } from '../infrastructure/incident-access.service';

@InputType('RerouteIncidentInput')
export class RerouteIncidentInput {
  @Field(() => ID) incidentId!: string;
}

/** Routing as the API offers it: ad hoc for any domain, and per incident. */
@Resolver(() => IncidentType)
export class IncidentRoutingResolver {
  constructor(
    private readonly router: DomainRouter,
    private readonly routing: IncidentRoutingService,
    private readonly queries: QueryBus,
    private readonly access: IncidentAccessService,
  ) {}

  @Query(() => RoutingDecisionType, {
    description: 'Who is responsible for a domain and how to reach them, with evidence; nothing is stored',
  })
  async route(
    @Args('domain') domain: string,
    @Args('category', { type: () => IncidentCategoryEnum, nullable: true }) category: IncidentCategory | null,
    @CurrentViewer() _viewer: Viewer,
  ): Promise<RoutingDecisionType> {
    return presentRoutingDecision(await this.router.route(normaliseDomain(domain), category ?? 'OTHER'));
  }

  @Mutation(() => RerouteIncidentPayload, {
    description:
      'Routes every domain of the incident again, e.g. after an RDAP failure or a directory change',
  })
  async rerouteIncident(
    @Args('input') input: RerouteIncidentInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<{ incident: IncidentView }> {
    const incident = await this.access.allowed(viewer, 'REROUTE', input.incidentId);
    const position = await this.routing.routeIncident(incident.id, context);
    return { incident: await this.queries.execute(new GetIncidentQuery(incident.id, position)) };
  }

  @ResolveField('routing', () => [RoutingDecisionType], {
    description: 'The latest routing decision for each domain; empty until routing has run',
  })
  routingOf(@Parent() incident: IncidentView): RoutingDecisionType[] {
    return (incident.routing ?? []).map(presentRoutingDecision);
  }
}
