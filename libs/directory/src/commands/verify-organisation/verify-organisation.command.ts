import type { VerificationMethod } from '../../domain/organisation.types';
import { OrganisationChangeCommand } from '../organisation-command.base';

export interface VerifyOrganisationRequest {
  readonly method: VerificationMethod;
  readonly note?: string | null | undefined;
  /** How long the verification holds before it shows as stale; default a year. */
  readonly validForDays?: number | null | undefined;
}

export class VerifyOrganisationCommand extends OrganisationChangeCommand<VerifyOrganisationRequest> {}
