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
import { AccessModule } from '@app/access';
import { PROJECTION_LIST } from '../../worker/src/projection-list';
import { WorkerModule } from '../../worker/src/worker.module';
import { formatGraphqlErrors } from './graphql/graphql-error-formatter';
import { HealthController } from './health/health.controller';

const logsRequests = (config: AppConfig): boolean =>
  config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
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
        GraphQLModule.forRoot<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: false,
          jit: 1,
          errorFormatter: (execution, context) => formatGraphqlErrors(execution, context.reply.log),
        }),
        DirectoryModule,
        AccessModule,
        IncidentsModule,
        // ROLE=all (the default) runs the worker's background work in the same process.
        ...(config.ROLE === 'all' ? [WorkerModule] : []),
      ],
      controllers: [HealthController],
    };
  }
}
