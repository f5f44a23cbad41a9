import { PageInfoType } from '@app/core/nest';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationType } from './organisation.type';

@ObjectType('OrganisationEdge')
export class OrganisationEdgeType {
  @Field() cursor!: string;
  @Field(() => OrganisationType) node!: OrganisationType;
}

@ObjectType('OrganisationConnection', { description: 'Organisations in name order' })
export class OrganisationConnectionType {
  @Field(() => [OrganisationEdgeType]) edges!: OrganisationEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int, { description: 'Organisations matching the filter, over all pages' }) totalCount!: number;
}
