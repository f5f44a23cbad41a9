import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '@app/core';
import { RequestRefusedError } from '../hardening/hardening.errors';

interface Logger {
  error(object: object, message: string): void;
}

interface FormattedErrors {
  statusCode: number;
  response: { data: NonNullable<ExecutionResult['data']> | null; errors: GraphQLFormattedError[] };
}

/**
 * An HTTP-level refusal raised by Fastify or Mercurius before GraphQL runs (body too large, bad
 * JSON, no query in the request).
 */
interface HttpClientError {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
}

/**
 * The one place where errors become what clients see: a DomainError keeps its message and gets
 * its code in `extensions.code`; a malformed request is GRAPHQL_VALIDATION_FAILED or
 * BAD_USER_INPUT; a refused operation (too deep, too costly, introspection off) keeps its code and
 * HTTP status; anything else is logged here and reaches the client as "Internal error", with no
 * stack trace or internal detail.
 */
export function formatGraphqlErrors(execution: ExecutionResult, log: Logger): FormattedErrors {
  let statusCode = 200;
  const errors = (execution.errors ?? []).flatMap((error): GraphQLError[] => {
    const original: unknown = error.originalError;
    const nested = (original as { errors?: unknown } | undefined)?.errors;
    if (Array.isArray(nested)) {
      return nested.map((e: { message: string }) => {
        if (!(e instanceof GraphQLError && e.originalError instanceof RequestRefusedError)) {
          return requestError(e.message);
        }
        statusCode = e.originalError.statusCode;
        return refusal(e.originalError, e);
      });
    }
    if (original instanceof RequestRefusedError) {
      statusCode = original.statusCode;
      return [refusal(original, error)];
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
    if (isHttpClientError(original)) {
      statusCode = original.statusCode;
      const code = original.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
      return [new GraphQLError(original.message, { extensions: { code } })];
    }
    if (original === undefined || original instanceof GraphQLError) {
      return [requestError(error.message, error)];
    }
    log.error({ err: original, path: error.path }, 'Unexpected error while resolving a GraphQL request');
    return [
      new GraphQLError('Internal error', {
        path: error.path ?? null,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      }),
    ];
  });
  if (
    statusCode === 200 &&
    !execution.data &&
    errors.some((e) => e.extensions['code'] === 'GRAPHQL_VALIDATION_FAILED')
  ) {
    statusCode = 400;
  }
  return { statusCode, response: { data: execution.data ?? null, errors: errors.map((e) => e.toJSON()) } };
}

const refusal = (refused: RequestRefusedError, source: GraphQLError): GraphQLError =>
  new GraphQLError(refused.message, {
    nodes: source.nodes ?? null,
    extensions: { ...refused.details, code: refused.code },
  });

/** Invalid variable values are the caller's data (BAD_USER_INPUT); the rest is a malformed operation. */
function requestError(message: string, source?: GraphQLError): GraphQLError {
  // graphql-js parses and validates recursively; an absurdly nested literal exhausts the stack there.
  if (message === 'Maximum call stack size exceeded') {
    return new GraphQLError('The operation is nested too deeply to be read', {
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
  }
  const code = /^Variable "|got invalid value|^Argument "/.test(message)
    ? 'BAD_USER_INPUT'
    : 'GRAPHQL_VALIDATION_FAILED';
  return new GraphQLError(message, {
    nodes: source?.nodes ?? null,
    path: source?.path ?? null,
    extensions: { code },
  });
}

function isHttpClientError(value: unknown): value is HttpClientError {
  if (typeof value !== 'object' || value === null) return false;
  const { statusCode, code } = value as Partial<HttpClientError>;
  return (
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500 &&
    typeof code === 'string' &&
    (code.startsWith('FST_') || code.startsWith('MER_ERR_'))
  );
}
