import type { OrganisationKind } from '../../domain/directory.vocabulary';
import type { CoverageRequest } from '../organisation-input.parsers';
import { OrganisationChangeCommand } from '../organisation-command.base';

export interface RegisterOrganisationRequest {
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly aliases?: readonly string[] | null | undefined;
  readonly website?: string | null | undefined;
  readonly coverage?: CoverageRequest | null | undefined;
}

/** The handler's caller picks the new organisation's id (a UUIDv7). */
export class RegisterOrganisationCommand extends OrganisationChangeCommand<RegisterOrganisationRequest> {}
