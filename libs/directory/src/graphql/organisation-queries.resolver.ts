import { CurrentViewer, TimelineEntryType } from '@app/core/nest';
import { CLOCK, type Clock, type TimelineEntry, type Viewer } from '@app/core';
import { Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GetOrganisationQuery } from '../queries/get-organisation/get-organisation.query';
import { ListOrganisationsQuery } from '../queries/list-organisations/list-organisations.query';
import { OrganisationHistoryQuery } from '../queries/organisation-history/organisation-history.query';
import { OrganisationConnectionType } from './organisation-connection.type';
import { OrganisationFilterInput } from './organisation.inputs';
import { presentOrganisation } from './organisation.presenter';
import { OrganisationType } from './organisation.type';
import { parseOrganisationFilter } from './parse-organisation-filter';

/** The directory is the community's shared contact book: every authenticated member may read it. */
@Resolver(() => OrganisationType)
export class OrganisationQueriesResolver {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => OrganisationType, {
    description: 'One organisation; NOT_FOUND when there is none with this id',
  })
  async organisation(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() _viewer: Viewer,
  ): Promise<OrganisationType> {
    return presentOrganisation(await this.queries.execute(new GetOrganisationQuery(id)), this.clock.now());
  }

  @Query(() => OrganisationConnectionType, {
    description: 'Organisations matching the filter, in name order',
  })
  async organisations(
    @Args('filter', { type: () => OrganisationFilterInput, nullable: true })
    filter: OrganisationFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: 20, description: 'Page size, 1 to 100' }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentViewer() _viewer: Viewer,
  ): Promise<OrganisationConnectionType> {
    const now = this.clock.now();
    const page = await this.queries.execute(
      new ListOrganisationsQuery(parseOrganisationFilter(filter ?? {}), first, after ?? null, now),
    );
    const edges = page.nodes.map(({ cursor, organisation }) => ({
      cursor,
      node: presentOrganisation(organisation, now),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @ResolveField(() => [TimelineEntryType], { description: 'Every change to the organisation, oldest first' })
  history(@Parent() organisation: OrganisationType): Promise<TimelineEntry[]> {
    return this.queries.execute(new OrganisationHistoryQuery(organisation.id));
  }
}
