import { DomainError } from '@app/core';

/**
 * Errors of the SLA policy file. They stop the process at start, before any clock runs on a policy
 * nobody meant, so each names the file and every problem found, not just the first.
 */

/** The policy's content is not a valid policy; `problems` are `<JSON path>: <what is wrong>`. */
export class InvalidSlaPolicyError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;

  constructor(readonly problems: readonly string[]) {
    super(`Invalid SLA policy: ${problems.join('; ')}`, { problems });
  }
}

/** Why a policy file was refused: it cannot be read, is not JSON, or is not a valid policy. */
export type SlaPolicyFileFault = 'UNREADABLE' | 'NOT_JSON' | 'INVALID';

/** The file named by SLA_POLICY cannot be used. */
export class SlaPolicyFileError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;

  constructor(
    readonly file: string,
    readonly fault: SlaPolicyFileFault,
    readonly problems: readonly string[],
  ) {
    super(`SLA policy file ${file} ${FAULTS[fault]}: ${problems.join('; ')}`, { file, fault, problems });
  }
}

const FAULTS: Readonly<Record<SlaPolicyFileFault, string>> = {
  UNREADABLE: 'cannot be read',
  NOT_JSON: 'is not valid JSON',
  INVALID: 'is not a valid SLA policy',
};
