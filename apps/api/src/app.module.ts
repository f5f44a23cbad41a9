import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '@app/core';
import { CoreModule } from '@app/core/nest';
import { EventStoreModule } from '@app/event-store';
import { IncidentsModule } from '@app/incidents';
import { DirectoryModule } from '@app/directory';
import { AccessModule, ApiTokenAuthenticator } from '@app/access';
import mqemitter from 'mqemitter';
import { IncidentUpdatesPublisher, SUBSCRIPTION_EMITTER } from './subscriptions/incident-updates.publisher';
import { PROJECTION_LIST } from '../../worker/src/projection-list';
import type { RedisEndpoint } from '../../worker/src/redis/embedded-redis';
import { WorkerModule } from '../../worker/src/worker.module';
import { formatGraphqlErrors } from './graphql/graphql-error-formatter';
import { HealthController } from './health/health.controller';
import { HardeningModule, RATE_LIMITER } from './hardening/hardening.module';
import type { RateLimiter } from './hardening/rate-limiter.service';
import { queryLimitOptions, queryLimitsOf } from './hardening/query-limits';

/**
 * Where internal errors are logged with their detail: the application's pino logger. Fastify's own
 * logger (`reply.log`) is off in this adapter, so what went there was lost.
 */
const graphqlLog = new Logger('GraphQL');

const logsRequests = (config: AppConfig): boolean =>
  config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace';

@Module({})
export class AppModule {
  /** @param redis this process's Redis (rate limits; the worker part's SLA clocks); null for the schema check. */
  static forRoot(config: AppConfig, redis: RedisEndpoint | null): DynamicModule {
    // One emitter per process: the publisher writes to it, Mercurius delivers from it.
    const emitter = mqemitter();
    // One instance, imported twice: the same dynamic module object is one module to Nest.
    const hardening = HardeningModule.forRoot(config, redis);
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: { level: config.LOG_LEVEL, redact: ['req.headers.authorization'] },
          // Request-scoped logging (a child logger and async context per request) costs about a tenth
          // of the intake throughput; it is on only when debugging.
          ...(logsRequests(config) ? {} : { forRoutes: [] }),
        }),
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(PROJECTION_LIST),
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [AccessModule, hardening],
          inject: [ApiTokenAuthenticator, RATE_LIMITER],
          useFactory: (authenticator: ApiTokenAuthenticator, limiter: RateLimiter) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            graphiql: false,
            jit: 1,
            // Depth, cost and (in production mode) introspection limits, over HTTP and graphql-ws.
            ...queryLimitOptions(queryLimitsOf(config)),
            errorFormatter: (execution) => formatGraphqlErrors(execution, graphqlLog),
            subscription: {
              emitter,
              // graphql-ws clients send `{ authorization: "Bearer dnscc_…" }` as connection parameters.
              // Opening a connection counts as one request against the token's rate limit.
              onConnect: async ({ payload }: { payload: unknown }) => {
                const authorization = authorizationOf(payload);
                const viewer = await authenticator.authenticate(authorization);
                if (!viewer) return false;
                if (!(await limiter.take(viewer.tokenId)).allowed) return false;
                // Every update re-checks the token, so a revocation ends delivery at once.
                return { viewer, currentViewer: () => authenticator.authenticate(authorization) };
              },
            },
          }),
        }),
        DirectoryModule,
        AccessModule,
        IncidentsModule,
        hardening,
        // ROLE=all (the default) runs the worker's background work in the same process.
        ...(config.ROLE === 'all' && redis ? [WorkerModule.forRoot(redis)] : []),
      ],
      providers: [{ provide: SUBSCRIPTION_EMITTER, useValue: emitter }, IncidentUpdatesPublisher],
      controllers: [HealthController],
    };
  }
}

function authorizationOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { authorization, Authorization } = payload as Record<string, unknown>;
  const value = authorization ?? Authorization;
  return typeof value === 'string' ? value : undefined;
}
