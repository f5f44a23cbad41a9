import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { anonymousActor, type CommandContext } from '../event-metadata';

interface HttpRequestLike {
  readonly id: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Builds the CommandContext of a GraphQL request: the caller's identity and the ids that tie the
 * events it causes to this request. A client may pass `x-correlation-id` to join a wider trace.
 */
export function commandContextOf(request: HttpRequestLike): CommandContext {
  const header = request.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && CORRELATION_ID.test(header) ? header : request.id;
  return { actor: anonymousActor, correlationId, causationId: request.id };
}

export const RequestContext = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const gql = GqlExecutionContext.create(context).getContext<{ reply: { request: HttpRequestLike } }>();
  return commandContextOf(gql.reply.request);
});
