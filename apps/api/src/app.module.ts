import { type DynamicModule, Module } from '@nestjs/common';
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

const logsRequests = (config: AppConfig): boolean =>
  config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace';

@Module({})
export class AppModule {
  /** @param redis the Redis of the worker part; null for an api-only process (ROLE=api). */
  static forRoot(config: AppConfig, redis: RedisEndpoint | null): DynamicModule {
    // One emitter per process: the publisher writes to it, Mercurius delivers from it.
    const emitter = mqemitter();
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
          imports: [AccessModule],
          inject: [ApiTokenAuthenticator],
          useFactory: (authenticator: ApiTokenAuthenticator) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            graphiql: false,
            jit: 1,
            errorFormatter: (execution, context) => formatGraphqlErrors(execution, context.reply.log),
            subscription: {
              emitter,
              // graphql-ws clients send `{ authorization: "Bearer dnscc_…" }` as connection parameters.
              onConnect: ({ payload }: { payload: unknown }) => {
                const viewer = authenticator.authenticate(authorizationOf(payload));
                return viewer ? { viewer } : false;
              },
            },
          }),
        }),
        DirectoryModule,
        AccessModule,
        IncidentsModule,
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
