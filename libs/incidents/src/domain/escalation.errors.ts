import { ConflictError, NotFoundError } from '@app/core';

export class EscalationNotFoundError extends NotFoundError {
  constructor(escalationId: string) {
    super('Escalation', escalationId);
  }
}

/** The escalation is in a state where this answer makes no sense (e.g. declining a withdrawn request). */
export class EscalationClosedError extends ConflictError {
  constructor(escalationId: string, status: string, action: string) {
    super(`Escalation ${escalationId} is ${status}: cannot ${action} it`, { escalationId, status });
  }
}

export class AlreadyEscalatedError extends ConflictError {
  constructor(organisationId: string, escalationId: string) {
    super(
      `Organisation ${organisationId} already has an open request for these domains (escalation ${escalationId})`,
      {
        escalationId,
      },
    );
  }
}

export class NotAwaitingInformationError extends ConflictError {
  constructor(escalationId: string) {
    super(`Escalation ${escalationId} is not waiting for information`, { escalationId });
  }
}
