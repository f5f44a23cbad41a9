import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const refuse = (reply: FastifyReply, status: number, code: string, message: string): FastifyReply =>
  reply.code(status).send({ data: null, errors: [{ message, extensions: { code } }] });

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * What Mercurius would otherwise mishandle before GraphQL runs: a `query` that is valid JSON (it
 * then takes it for a ready-made syntax tree and crashes validating it, or lets a client skip the
 * parser), and GraphQL over GET, whose operation selection it does not check. Clients POST
 * documents; WebSocket upgrades (graphql-ws) still arrive as GET and pass.
 */
export function guardGraphqlRequests(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    if ((request.url.split('?', 1)[0] ?? '') !== '/graphql') return;
    if (request.method === 'GET') {
      if (request.headers.upgrade?.toLowerCase() === 'websocket') return;
      await refuse(
        reply.header('allow', 'POST'),
        405,
        'METHOD_NOT_ALLOWED',
        'Send GraphQL operations with POST',
      );
      return;
    }
    const body: unknown = request.body;
    if (typeof body !== 'string' && (typeof body !== 'object' || body === null || Array.isArray(body))) {
      await refuse(reply, 400, 'BAD_REQUEST', 'The body must be a JSON object with a "query"');
      return;
    }
    const query: unknown = typeof body === 'string' ? body : (body as { query?: unknown }).query;
    if (query === undefined || query === '') {
      await refuse(reply, 400, 'BAD_REQUEST', 'The request has no "query"');
      return;
    }
    if (typeof query !== 'string' || isJson(query)) {
      await refuse(
        reply,
        400,
        'GRAPHQL_VALIDATION_FAILED',
        'The query must be a GraphQL document, as a string',
      );
    }
  });
}
