import { Field, Int, ObjectType } from '@nestjs/graphql';
import { IncidentType } from './incident.type';

@ObjectType('IncidentEdge')
export class IncidentEdgeType {
  @Field() cursor!: string;
  @Field(() => IncidentType) node!: IncidentType;
}

@ObjectType('PageInfo')
export class PageInfoType {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('IncidentConnection', { description: 'Incidents, newest report first' })
export class IncidentConnectionType {
  @Field(() => [IncidentEdgeType]) edges!: IncidentEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int, { description: 'Incidents matching the filter, over all pages' }) totalCount!: number;
}
