import { OrganisationChangeCommand } from '../organisation-command.base';

export interface SetSlaTermsRequest {
  readonly acknowledgeWithinHours?: number | null | undefined;
  readonly actWithinHours?: number | null | undefined;
  readonly timeZone?: string | null | undefined;
  readonly businessDays?: readonly number[] | null | undefined;
  readonly businessStart?: string | null | undefined;
  readonly businessEnd?: string | null | undefined;
}

/** Null request: remove the organisation's own terms, so the SLA policy applies again. */
export class SetSlaTermsCommand extends OrganisationChangeCommand<SetSlaTermsRequest | null> {}
