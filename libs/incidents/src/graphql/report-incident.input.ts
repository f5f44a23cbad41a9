import { Field, InputType } from '@nestjs/graphql';
import type { IncidentCategory, Tlp } from '../domain/incident.vocabulary';
import { IncidentCategoryEnum, TlpEnum } from './incident-enums';

@InputType('ReportIncidentInput')
export class ReportIncidentInput {
  @Field(() => [String], {
    description: 'Domains involved; U-labels, upper case and a trailing dot are accepted',
  })
  domains!: string[];
  @Field(() => [String], { nullable: true, description: 'http(s) URLs involved' })
  urls?: string[] | null;
  @Field(() => IncidentCategoryEnum) category!: IncidentCategory;
  @Field() description!: string;
  // No GraphQL default: graphql-jit does not apply input-field defaults to variables (ADR 0004).
  @Field(() => TlpEnum, { nullable: true, description: 'Defaults to AMBER' }) tlp?: Tlp | null;
  @Field(() => String, {
    nullable: true,
    description:
      "How to reach the reporting analyst (email or URL); the reporter is the caller's organisation",
  })
  contact?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Retrying with the same key returns the incident the first attempt created',
  })
  idempotencyKey?: string | null;
}
