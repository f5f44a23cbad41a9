import { DateTimeScalar } from '@app/core/nest';
import { Field, InputType } from '@nestjs/graphql';
import type { IncidentCategory, IncidentStatus, Severity, Tlp } from '../domain/incident.vocabulary';
import { IncidentCategoryEnum, IncidentStatusEnum, SeverityEnum, TlpEnum } from './incident-enums';

@InputType('IncidentFilter', {
  description: 'All given conditions must hold; a list matches any of its values',
})
export class IncidentFilterInput {
  @Field(() => [IncidentStatusEnum], { nullable: true }) status?: IncidentStatus[] | null;
  @Field(() => [SeverityEnum], { nullable: true }) severity?: Severity[] | null;
  @Field(() => [IncidentCategoryEnum], { nullable: true }) category?: IncidentCategory[] | null;
  @Field(() => [TlpEnum], { nullable: true }) tlp?: Tlp[] | null;
  @Field(() => String, { nullable: true, description: 'Top-level domain, e.g. "fr"' }) tld?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A domain: matches incidents naming it, or naming it as their registrable domain',
  })
  domain?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Reported at or after' })
  reportedAfter?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Reported before' })
  reportedBefore?: Date | null;
}
