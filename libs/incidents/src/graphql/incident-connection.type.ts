import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from '@app/core/nest';
import { IncidentType } from './incident.type';

@ObjectType('IncidentEdge')
export class IncidentEdgeType {
  @Field() cursor!: string;
  @Field(() => IncidentType) node!: IncidentType;
}

@ObjectType('IncidentConnection', { description: 'Incidents, newest report first' })
export class IncidentConnectionType {
  @Field(() => [IncidentEdgeType]) edges!: IncidentEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int, { description: 'Incidents matching the filter, over all pages' }) totalCount!: number;
}
