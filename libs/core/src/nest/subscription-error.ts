import { GraphQLError } from 'graphql';
import { DomainError } from '../errors/domain-error';

/**
 * Errors of a subscription's start reach graphql-ws clients without passing the HTTP error
 * formatter; this gives them the same `extensions.code` and hides anything that is not a DomainError.
 */
export async function subscriptionStart<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof DomainError) {
      throw new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } });
    }
    throw new GraphQLError('Internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}
