import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Actor', { description: 'Who caused an event: a member, the system, or an anonymous caller' })
export class ActorType {
  @Field() kind!: string;
  @Field(() => ID, { nullable: true }) organisationId!: string | null;
  @Field(() => ID, { nullable: true }) memberId!: string | null;
}
