import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '@app/core';
import { CoreModule } from '@app/core/nest';
import { EventStoreModule } from '@app/event-store';
import { PROJECTION_LIST } from './projection-list';
import type { RedisEndpoint } from './redis/embedded-redis';
import { WorkerModule } from './worker.module';

/** The worker process on its own (ROLE=worker): no HTTP, the store and background work. */
@Module({})
export class WorkerAppModule {
  static forRoot(config: AppConfig, redis: RedisEndpoint): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(PROJECTION_LIST),
        WorkerModule.forRoot(redis),
      ],
    };
  }
}
