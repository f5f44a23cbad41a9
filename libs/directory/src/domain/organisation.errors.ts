import { ConflictError, InvalidInputError, NotFoundError } from '@app/core';

export class OrganisationNotFoundError extends NotFoundError {
  constructor(organisationId: string) {
    super('Organisation', organisationId);
  }
}

export class OrganisationAlreadyRegisteredError extends ConflictError {
  constructor(organisationId: string) {
    super(`Organisation ${organisationId} is already registered`, { organisationId });
  }
}

export class ContactNotFoundError extends NotFoundError {
  constructor(contactId: string) {
    super('Contact', contactId);
  }
}

/** Coverage that does not fit the organisation's kind, e.g. TLDs on a CSIRT. */
export class CoverageMismatchError extends InvalidInputError {
  constructor(kind: string, what: string, value: unknown) {
    super('coverage', value, `a ${kind} organisation cannot cover ${what}`);
  }
}

export class CoverageTakenError extends ConflictError {
  constructor(what: string, holderId: string) {
    super(`${what} is already covered by organisation ${holderId}`, { holder: holderId });
  }
}

export class ContactUnreachableError extends InvalidInputError {
  constructor(field: string) {
    super(field, null, 'a contact needs at least an email, a phone number or a web form URL');
  }
}

export class NotVerifiedError extends ConflictError {
  constructor(organisationId: string) {
    super(`Organisation ${organisationId} has no verification to revoke`, { organisationId });
  }
}

/** An organisation's kind is part of its identity: a registry never becomes a registrar. */
export class OrganisationKindChangedError extends ConflictError {
  constructor(organisationId: string, current: string, wanted: string) {
    super(`Organisation ${organisationId} is a ${current}, not a ${wanted}`, { organisationId });
  }
}
