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

/** HTTP operations carry the Fastify reply; subscriptions carry the viewer their connection authenticated. */
interface GraphqlContext {
  readonly reply?: { readonly request: HttpRequestLike };
  readonly viewer?: Viewer | null;
}

const graphqlContextOf = (context: ExecutionContext): GraphqlContext =>
  GqlExecutionContext.create(context).getContext<GraphqlContext>();

export const RequestContext = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const gql = graphqlContextOf(context);
  const request = gql.reply?.request ?? { id: 'subscription', headers: {}, viewer: gql.viewer ?? null };
  return commandContextOf(request);
});

/** The authenticated member behind the request; UNAUTHENTICATED when there is none. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => {
  const gql = graphqlContextOf(context);
  const viewer = gql.reply?.request.viewer ?? gql.viewer;
  if (!viewer)
    throw new UnauthenticatedError('A valid API token is required (Authorization: Bearer dnscc_...)');
  return viewer;
});
