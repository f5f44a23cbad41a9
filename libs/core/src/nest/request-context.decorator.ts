import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { anonymousActor, type CommandContext } from '../event-metadata';
import { UnauthenticatedError } from '../errors/domain-error';
import { actorOf, type Viewer } from '../viewer';

/** The parts of a Fastify request the GraphQL layer reads; `viewer` is set by the token check. */
export interface HttpRequestLike {
  readonly id: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  viewer?: Viewer | null;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Builds the CommandContext of a GraphQL request: the caller's identity and the ids that tie the
 * events it causes to this request. A client may pass `x-correlation-id` to join a wider trace.
 */
export function commandContextOf(request: HttpRequestLike): CommandContext {
  const header = request.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && CORRELATION_ID.test(header) ? header : request.id;
  const actor = request.viewer ? actorOf(request.viewer) : anonymousActor;
  return { actor, correlationId, causationId: request.id };
}

const requestOf = (context: ExecutionContext): HttpRequestLike =>
  GqlExecutionContext.create(context).getContext<{ reply: { request: HttpRequestLike } }>().reply.request;

export const RequestContext = createParamDecorator((_: unknown, context: ExecutionContext) =>
  commandContextOf(requestOf(context)),
);

/** The authenticated member behind the request; UNAUTHENTICATED when there is none. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => {
  const viewer = requestOf(context).viewer;
  if (!viewer)
    throw new UnauthenticatedError('A valid API token is required (Authorization: Bearer dnscc_...)');
  return viewer;
});
