import { Field, ObjectType } from '@nestjs/graphql';
import { ContactType, OrganisationType } from './organisation.type';

@ObjectType('OrganisationPayload')
export class OrganisationPayload {
  @Field(() => OrganisationType) organisation!: OrganisationType;
}

@ObjectType('ContactPayload')
export class ContactPayload {
  @Field(() => OrganisationType) organisation!: OrganisationType;
  @Field(() => ContactType, {
    nullable: true,
    description: 'The contact after the change; null once removed',
  })
  contact!: ContactType | null;
}
