import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { type AppConfig, ConfigError, graphiqlEnabled, loadConfig } from '@app/core';
import { AppModule } from './app.module';
import { startWorker } from '../../worker/src/main';
import { registerGraphiql } from './graphiql/graphiql.routes';
import type { RedisEndpoint } from '../../worker/src/redis/embedded-redis';
import { redisForRole } from '../../worker/src/redis/redis-for-role';
import { ApiTokenAuthenticator, CoordinationCentreBootstrap } from '@app/access';
import { requireApiToken } from './auth/api-token.hook';
import { RATE_LIMITER } from './hardening/hardening.module';
import { registerHttpSecurity } from './hardening/http-security';
import { guardGraphqlRequests } from './hardening/graphql-request.guard';
import type { RateLimiter } from './hardening/rate-limiter.service';

/**
 * Builds the HTTP application without listening, for the server and for the schema check.
 * @param redis the Redis of this process (every role has one: the rate limits live there); null for
 * the schema check, which then runs without rate limits or worker.
 */
export async function createApiApplication(
  config: AppConfig,
  redis: RedisEndpoint | null,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, redis), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await registerHttpSecurity(app, config);
  const fastify = app.getHttpAdapter().getInstance();
  guardGraphqlRequests(fastify);
  requireApiToken(fastify, app.get(ApiTokenAuthenticator), app.get<symbol, RateLimiter>(RATE_LIMITER));
  if (graphiqlEnabled(config)) registerGraphiql(fastify);
  return app;
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  if (config.ROLE === 'worker') return startWorker(config);
  const app = await createApiApplication(config, await redisForRole(config));
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  const logger = app.get(Logger);
  logger.log(
    `dnscc listening on ${url}/graphql (GraphiQL: ${graphiqlEnabled(config) ? `${url}/graphiql` : 'off'})`,
  );
  if (await app.get(CoordinationCentreBootstrap).needsBootstrap()) {
    logger.warn(
      `No members yet, so every request is refused. Create the coordination centre and its first coordinator with:  ${config.EVENT_STORE === 'sqlite' ? `DATA_DIR=${config.DATA_DIR} ` : ''}npm run -s admin -- bootstrap  (prints the coordinator's API token)`,
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `dnscc failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
