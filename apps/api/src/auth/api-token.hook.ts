import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiTokenAuthenticator } from '@app/access';
import type { Viewer } from '@app/core';
import { rateLimited } from '../hardening/hardening.errors';
import type { RateLimiter } from '../hardening/rate-limiter.service';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

/**
 * Every GraphQL request needs a valid API token, within that token's rate limit: both checks run
 * before the body is parsed, so an anonymous or too eager caller costs no GraphQL work and learns
 * nothing about the schema. The answers have the shape of a GraphQL error, so clients handle them
 * like any other.
 */
export function requireApiToken(
  fastify: FastifyInstance,
  authenticator: ApiTokenAuthenticator,
  limiter: RateLimiter,
): void {
  fastify.decorateRequest('viewer', null);
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // WebSocket clients cannot send headers: subscriptions authenticate in connection_init instead.
    // A CORS preflight carries no credentials by design (the CORS plugin, registered first, answers it).
    if (pathOf(request.url) !== '/graphql' || request.headers.upgrade?.toLowerCase() === 'websocket') return;
    if (request.method === 'OPTIONS') return;
    request.viewer = await authenticator.authenticate(request.headers.authorization);
    if (request.viewer) {
      const verdict = await limiter.take(request.viewer.tokenId);
      if (!verdict.allowed) await refuseAsRateLimited(reply, verdict.retryAfterSeconds);
      return;
    }
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

/** HTTP 429 with Retry-After, and RATE_LIMITED with `retryAfterSeconds` for GraphQL clients. */
async function refuseAsRateLimited(reply: FastifyReply, retryAfterSeconds: number): Promise<void> {
  const refusal = rateLimited(retryAfterSeconds);
  await reply
    .code(refusal.statusCode)
    .header('retry-after', String(retryAfterSeconds))
    .send({ errors: [{ message: refusal.message, extensions: { ...refusal.details, code: refusal.code } }] });
}

const pathOf = (url: string): string => url.split('?', 1)[0] ?? url;
