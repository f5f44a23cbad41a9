import { CurrentViewer, RequestContext } from '@app/core/nest';
import { CLOCK, type Clock, type CommandContext, uuidV7, type Viewer } from '@app/core';
import { Inject } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AddContactCommand } from '../commands/add-contact/add-contact.command';
import { ConfirmContactCommand } from '../commands/confirm-contact/confirm-contact.command';
import type { OrganisationChangeCommandClass } from '../commands/organisation-command.base';
import { RegisterOrganisationCommand } from '../commands/register-organisation/register-organisation.command';
import { RemoveContactCommand } from '../commands/remove-contact/remove-contact.command';
import { RevokeVerificationCommand } from '../commands/revoke-verification/revoke-verification.command';
import { UpdateContactCommand } from '../commands/update-contact/update-contact.command';
import { UpdateOrganisationCommand } from '../commands/update-organisation/update-organisation.command';
import { VerifyOrganisationCommand } from '../commands/verify-organisation/verify-organisation.command';
import { SetSlaTermsCommand } from '../commands/set-sla-terms/set-sla-terms.command';
import { GetOrganisationQuery } from '../queries/get-organisation/get-organisation.query';
import {
  AddContactInput,
  ContactRefInput,
  RegisterOrganisationInput,
  RevokeVerificationInput,
  SetSlaTermsInput,
  UpdateContactInput,
  UpdateOrganisationInput,
  VerifyOrganisationInput,
} from './organisation.inputs';
import { ContactPayload, OrganisationPayload } from './organisation-payloads.type';
import { presentOrganisation } from './organisation.presenter';
import type { OrganisationType } from './organisation.type';

/** Directory mutations; each returns the organisation once the read model includes the change. */
@Resolver()
export class OrganisationMutationsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Mutation(() => OrganisationPayload, {
    description: 'Adds an organisation to the directory (coordinators)',
  })
  registerOrganisation(
    @Args('input') input: RegisterOrganisationInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<OrganisationPayload> {
    return this.change(RegisterOrganisationCommand, uuidV7(), input, viewer, context);
  }

  @Mutation(() => OrganisationPayload)
  updateOrganisation(
    @Args('input') input: UpdateOrganisationInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<OrganisationPayload> {
    return this.change(UpdateOrganisationCommand, input.organisationId, input, viewer, context);
  }

  @Mutation(() => ContactPayload)
  async addContact(
    @Args('input') input: AddContactInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<ContactPayload> {
    const contactId = uuidV7();
    const { organisation } = await this.change(
      AddContactCommand,
      input.organisationId,
      { request: input, contactId },
      viewer,
      context,
    );
    return withContact(organisation, contactId);
  }

  @Mutation(() => ContactPayload)
  async updateContact(
    @Args('input') input: UpdateContactInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<ContactPayload> {
    const { organisation } = await this.change(
      UpdateContactCommand,
      input.organisationId,
      input,
      viewer,
      context,
    );
    return withContact(organisation, input.contactId);
  }

  @Mutation(() => ContactPayload)
  async removeContact(
    @Args('input') input: ContactRefInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<ContactPayload> {
    const { organisation } = await this.change(
      RemoveContactCommand,
      input.organisationId,
      input,
      viewer,
      context,
    );
    return { organisation, contact: null };
  }

  @Mutation(() => ContactPayload, { description: 'Records that the contact was checked and still works' })
  async confirmContact(
    @Args('input') input: ContactRefInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<ContactPayload> {
    const { organisation } = await this.change(
      ConfirmContactCommand,
      input.organisationId,
      input,
      viewer,
      context,
    );
    return withContact(organisation, input.contactId);
  }

  @Mutation(() => OrganisationPayload, {
    description: 'Marks the organisation verified until expiry (coordinators)',
  })
  verifyOrganisation(
    @Args('input') input: VerifyOrganisationInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<OrganisationPayload> {
    return this.change(VerifyOrganisationCommand, input.organisationId, input, viewer, context);
  }

  @Mutation(() => OrganisationPayload, {
    description: "Sets or removes an organisation's own SLA terms (coordinators)",
  })
  setSlaTerms(
    @Args('input') input: SetSlaTermsInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<OrganisationPayload> {
    const { organisationId, ...terms } = input;
    const empty = Object.values(terms).every((value: unknown) => value === null || value === undefined);
    return this.change(SetSlaTermsCommand, organisationId, empty ? null : terms, viewer, context);
  }

  @Mutation(() => OrganisationPayload, { description: 'Withdraws a verification (coordinators)' })
  revokeVerification(
    @Args('input') input: RevokeVerificationInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<OrganisationPayload> {
    return this.change(RevokeVerificationCommand, input.organisationId, input, viewer, context);
  }

  private async change<Input>(
    CommandClass: OrganisationChangeCommandClass<Input>,
    organisationId: string,
    input: Input,
    viewer: Viewer,
    context: CommandContext,
  ): Promise<OrganisationPayload> {
    const result = await this.commands.execute(new CommandClass(organisationId, input, viewer, context));
    const view = await this.queries.execute(new GetOrganisationQuery(result.organisationId, result.position));
    return { organisation: presentOrganisation(view, this.clock.now()) };
  }
}

const withContact = (organisation: OrganisationType, contactId: string): ContactPayload => ({
  organisation,
  contact: organisation.contacts.find((c) => c.contactId === contactId) ?? null,
});
