import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '@app/core';

interface Logger {
  error(object: object, message: string): void;
}

interface FormattedErrors {
  statusCode: number;
  response: { data: NonNullable<ExecutionResult['data']> | null; errors: GraphQLFormattedError[] };
}

/**
 * The one place where errors become what clients see: a DomainError keeps its message and gets
 * its code in `extensions.code`; a malformed request is GRAPHQL_VALIDATION_FAILED or
 * BAD_USER_INPUT; anything else is logged here and reaches the client as "Internal error", with
 * no stack trace or internal detail.
 */
export function formatGraphqlErrors(execution: ExecutionResult, log: Logger): FormattedErrors {
  let statusCode = 200;
  const errors = (execution.errors ?? []).flatMap((error): GraphQLError[] => {
    const original: unknown = error.originalError;
    const nested = (original as { errors?: unknown } | undefined)?.errors;
    if (Array.isArray(nested)) {
      statusCode = 400;
      return nested.map((e: { message: string }) => withCode(e.message, 'GRAPHQL_VALIDATION_FAILED'));
    }
    if (original instanceof DomainError) {
      return [
        new GraphQLError(original.message, {
          nodes: error.nodes ?? null,
          path: error.path ?? null,
          extensions: { ...original.details, code: original.code },
        }),
      ];
    }
    if (original === undefined || original instanceof GraphQLError) {
      const code = /^Variable "|^Argument "|got invalid value/.test(error.message)
        ? 'BAD_USER_INPUT'
        : 'GRAPHQL_VALIDATION_FAILED';
      return [new GraphQLError(error.message, { nodes: error.nodes ?? null, path: error.path ?? null, extensions: { code } })];
    }
    log.error({ err: original, path: error.path }, 'Unexpected error while resolving a GraphQL request');
    return [new GraphQLError('Internal error', { path: error.path ?? null, extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
  });
  if (!execution.data && statusCode === 200 && errors.some((e) => e.extensions['code'] === 'GRAPHQL_VALIDATION_FAILED')) {
    statusCode = 400;
  }
  return { statusCode, response: { data: execution.data ?? null, errors: errors.map((e) => e.toJSON()) } };
}

const withCode = (message: string, code: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code } });
