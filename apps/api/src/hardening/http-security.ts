import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@app/core';

/**
 * Security headers on every answer (helmet) and CORS for the configured origins. Registered before
 * any route or hook, so a 401, 413 or 429 carries the headers too, and the CORS plugin answers a
 * preflight before the token check (a preflight carries no credentials). The API answers JSON only,
 * so its CSP allows nothing; /graphiql sets its own (graphiql.routes.ts).
 */
export async function registerHttpSecurity(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // No CORS_ORIGINS: no CORS headers at all, so browsers allow same-origin calls only.
  if (config.CORS_ORIGINS.length === 0) return;
  await app.register(fastifyCors, {
    origin: config.CORS_ORIGINS,
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type'],
    exposedHeaders: ['retry-after'],
    // Bearer tokens, no cookies: a page never sends credentials a browser adds by itself.
    credentials: false,
    maxAge: 600,
  });
}
