import { ConflictError, NotFoundError } from '@app/core';

/**
 * Errors the incident decider throws. Each names what the caller sent and what to do instead,
 * because these messages reach CSIRT analysts through the API unchanged.
 */

export class IncidentNotFoundError extends NotFoundError {
  /**
   * @param incidentId the id the caller asked for; null when the decider cannot know it (commands
   *   other than ReportIncident do not carry the id; the handler that loaded the stream does).
   */
  constructor(readonly incidentId: string | null) {
    super('Incident', incidentId ?? '(unknown id)');
    if (incidentId === null) this.message = 'The incident was not found';
  }
}

export class IncidentAlreadyReportedError extends ConflictError {
  constructor(readonly incidentId: string) {
    super(`Incident ${incidentId} has already been reported`, { incidentId });
  }
}

/** The same idempotency key came back with a different report: a client bug, never a retry. */
export class IdempotencyKeyReusedError extends ConflictError {
  constructor(
    readonly idempotencyKey: string,
    readonly incidentId: string,
  ) {
    super(
      `Idempotency key "${idempotencyKey}" was already used for incident ${incidentId} with different content; ` +
        'use a new key for a new report',
      { idempotencyKey, incidentId },
    );
  }
}

/** What was attempted on a resolved incident, worded to complete "cannot ... it". */
export type ResolvedIncidentAction =
  'triage' | 'add a domain to' | 'attach evidence to' | 'resolve' | 'escalate';

export class IncidentAlreadyResolvedError extends ConflictError {
  constructor(
    readonly incidentId: string,
    readonly action: ResolvedIncidentAction,
  ) {
    const advice = action === 'resolve' ? '' : '; reopen it first';
    super(`Incident ${incidentId} is resolved: cannot ${action} it${advice}`, { incidentId, action });
  }
}

export class IncidentNotResolvedError extends ConflictError {
  constructor(
    readonly incidentId: string,
    readonly status: string,
  ) {
    super(`Incident ${incidentId} is not resolved (status ${status}), so it cannot be reopened`, {
      incidentId,
      status,
    });
  }
}

export class DuplicateDomainError extends ConflictError {
  constructor(
    readonly domain: string,
    readonly incidentId: string,
  ) {
    super(`Domain ${domain} is already part of incident ${incidentId}`, { domain, incidentId });
  }
}

export class TooManyDomainsError extends ConflictError {
  constructor(
    readonly incidentId: string,
    readonly limit: number,
  ) {
    super(
      `Incident ${incidentId} already has the maximum of ${limit} domains; report the rest as a new incident`,
      { incidentId, limit },
    );
  }
}

/**
 * Evidence is known by its content hash, so the same file attached twice, or one evidence id
 * reused for different content, is refused rather than stored twice.
 */
export class DuplicateEvidenceError extends ConflictError {
  constructor(
    readonly incidentId: string,
    readonly existingEvidenceId: string,
    readonly sha256: string,
    readonly clash: 'same-content' | 'same-id',
  ) {
    super(
      clash === 'same-content'
        ? `Evidence with sha256 ${sha256} is already attached to incident ${incidentId} as ${existingEvidenceId}`
        : `Evidence id ${existingEvidenceId} is already used in incident ${incidentId} for other content (sha256 ${sha256})`,
      { incidentId, existingEvidenceId, sha256, clash },
    );
  }
}
