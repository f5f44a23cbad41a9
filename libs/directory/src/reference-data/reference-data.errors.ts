import { DomainError } from '@app/core';

/**
 * A reference data file that cannot be read as a whole: CSV the parser gives up on (an unclosed
 * quote), a header without the columns a parser needs, invalid JSON, or JSON of the wrong shape.
 * Bad rows are not this error: they become rejections and the import goes on.
 */
export class ReferenceDataFormatError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;

  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`Malformed reference data file ${file} at line ${line}: ${detail}`, { file, line });
  }
}

/** The import source cannot be read: no known file at all, a failed download, a timeout. */
export class ReferenceDataUnavailableError extends DomainError {
  readonly code = 'NOT_FOUND' as const;

  constructor(
    readonly from: string,
    detail: string,
  ) {
    super(`Reference data unavailable from ${from}: ${detail}`, { from });
  }
}
