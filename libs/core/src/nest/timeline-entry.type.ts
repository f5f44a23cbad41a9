import { DateTimeScalar } from './date-time.scalar';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActorType } from './actor.type';

@ObjectType('TimelineEntry', {
  description: 'One event of a stream (an incident or an organisation), oldest first',
})
export class TimelineEntryType {
  @Field(() => Int, { description: 'The stream version this event produced' }) version!: number;
  @Field({ description: 'Stored event name, e.g. IncidentTriaged' }) type!: string;
  @Field({ description: 'A one-line human summary' }) summary!: string;
  @Field(() => DateTimeScalar) occurredAt!: string;
  @Field(() => ActorType) actor!: ActorType;
  @Field(() => ID) eventId!: string;
  @Field(() => ID) correlationId!: string;
  @Field(() => ID) causationId!: string;
}
