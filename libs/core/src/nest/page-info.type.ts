import { Field, ObjectType } from '@nestjs/graphql';

/** Relay page info shared by every connection of the API. */
@ObjectType('PageInfo')
export class PageInfoType {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}
