import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '@app/core';
import { CoreModule } from '@app/core/nest';
import { EventStoreModule } from '@app/event-store';
import { IncidentsModule, incidentsProjection } from '@app/incidents';
import { formatGraphqlErrors } from './graphql/graphql-error-formatter';
import { HealthController } from './health/health.controller';

/** Every read model the process maintains; the projection runner keeps them all at one checkpoint. */
export const PROJECTION_LIST = [incidentsProjection];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            // One line per request costs ~15% of throughput; keep it for debugging sessions.
            autoLogging: config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace',
            redact: ['req.headers.authorization'],
          },
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
        IncidentsModule,
      ],
      controllers: [HealthController],
    };
  }
}
