import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiTokenAuthenticator } from '@app/access';
import type { Viewer } from '@app/core';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

/**
 * Every GraphQL request needs a valid API token: the check runs before the body is parsed, so an
 * anonymous caller costs no GraphQL work and learns nothing about the schema. The answer has the
 * shape of a GraphQL error, so clients handle it like any other.
 */
export function requireApiToken(fastify: FastifyInstance, authenticator: ApiTokenAuthenticator): void {
  fastify.decorateRequest('viewer', null);
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // WebSocket clients cannot send headers: subscriptions authenticate in connection_init instead.
    if (pathOf(request.url) !== '/graphql' || request.headers.upgrade?.toLowerCase() === 'websocket') return;
    request.viewer = authenticator.authenticate(request.headers.authorization);
    if (request.viewer) return;
    await reply
      .code(401)
      .header('www-authenticate', 'Bearer realm="dnscc"')
      .send({
        errors: [
          {
            message: request.headers.authorization
              ? 'The API token is not valid: it is unknown, revoked or expired'
              : 'An API token is required: send Authorization: Bearer dnscc_...',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      });
  });
}

const pathOf = (url: string): string => url.split('?', 1)[0] ?? url;
