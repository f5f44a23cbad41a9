import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { assertManagesOrganisation, InvalidInputError, uuidV7 } from '@app/core';
import { checkEmail, GetOrganisationQuery } from '@app/directory';
import { roleForOrganisationKind } from '../../domain/member-roles';
import { MemberStreamRepository } from '../../infrastructure/member-stream.repository';
import { AddMemberCommand } from './add-member.command';

const MAX_NAME_LENGTH = 200;

/**
 * Adds a member to an organisation; the role follows the organisation's kind. Coordinators add
 * anyone, an organisation's admins their own colleagues. A null viewer is the bootstrap, which
 * creates the very first coordinator.
 */
@CommandHandler(AddMemberCommand)
export class AddMemberHandler implements ICommandHandler<AddMemberCommand> {
  constructor(
    private readonly members: MemberStreamRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({
    input,
    viewer,
    context,
  }: AddMemberCommand): Promise<{ memberId: string; position: bigint }> {
    if (viewer) assertManagesOrganisation(viewer, input.organisationId, 'add members');
    const organisation = await this.queries.execute(new GetOrganisationQuery(input.organisationId));
    const name = input.name.trim();
    if (name === '' || name.length > MAX_NAME_LENGTH) {
      throw new InvalidInputError('name', input.name, `must be between 1 and ${MAX_NAME_LENGTH} characters`);
    }
    const email = checkEmail(input.email);
    if (!email.ok) throw new InvalidInputError('email', input.email, email.reason);
    const memberId = uuidV7();
    const result = await this.members.execute(
      memberId,
      {
        type: 'AddMember',
        memberId,
        organisationId: organisation.id,
        organisationName: organisation.name,
        role: roleForOrganisationKind(organisation.kind),
        name,
        email: email.value,
        admin: input.admin ?? false,
      },
      context,
    );
    return { memberId, position: result.position };
  }
}
