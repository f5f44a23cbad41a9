import type { CoverageRequest } from '../organisation-input.parsers';
import { OrganisationChangeCommand } from '../organisation-command.base';

export interface UpdateOrganisationRequest {
  readonly name?: string | null | undefined;
  readonly aliases?: readonly string[] | null | undefined;
  readonly website?: string | null | undefined;
  /** Replaces the whole coverage; coordinators only, since routing acts on it. */
  readonly coverage?: CoverageRequest | null | undefined;
}

export class UpdateOrganisationCommand extends OrganisationChangeCommand<UpdateOrganisationRequest> {}
