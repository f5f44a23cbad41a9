import {
  type DynamicModule,
  Global,
  Inject,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { EVENT_STORE, type EventStore } from './event-store.port';
import { LEASES } from './leases/lease';
import { openEventStore, openReadModelRuntime } from './open-event-store';
import type { Projection } from './projections/projection';
import { READ_MODEL } from './projections/read-model-access';
import type { ReadModelRuntime } from './read-model/read-model-runtime';

export const PROJECTIONS = Symbol('Projections');
export const READ_MODEL_RUNTIME = Symbol('ReadModelRuntime');

/**
 * Opens the event store named by EVENT_STORE and the read models fed from it, running their
 * migrations before anything reads them. Processes other than ROLE=api also take part in projecting.
 */
@Global()
@Module({})
export class EventStoreModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_RUNTIME) private readonly runtime: ReadModelRuntime,
  ) {}

  static forRoot(projections: readonly Projection[]): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: PROJECTIONS, useValue: projections },
        { provide: EVENT_STORE, inject: [APP_CONFIG], useFactory: openEventStore },
        {
          provide: READ_MODEL_RUNTIME,
          inject: [APP_CONFIG, EVENT_STORE, PROJECTIONS],
          useFactory: async (config: AppConfig, store: EventStore, list: readonly Projection[]) => {
            const runtime = openReadModelRuntime(config, store, list);
            await runtime.prepare();
            return runtime;
          },
        },
        { provide: READ_MODEL, inject: [READ_MODEL_RUNTIME], useFactory: (r: ReadModelRuntime) => r.access },
        { provide: LEASES, inject: [READ_MODEL_RUNTIME], useFactory: (r: ReadModelRuntime) => r.leases },
      ],
      exports: [EVENT_STORE, READ_MODEL, READ_MODEL_RUNTIME, LEASES],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.runtime.start(this.config.ROLE !== 'api');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
    await this.store.close();
  }
}
