import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  type DynamicModule,
  Global,
  Inject,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { EVENT_STORE } from './event-store.port';
import type { Projection } from './projections/projection';
import { READ_MODEL, SqliteReadModelAccess } from './projections/read-model-access';
import { SqliteProjectionRunner } from './projections/sqlite-projection-runner';
import { SqliteEventStore } from './sqlite/sqlite-event-store.adapter';

export const PROJECTIONS = Symbol('Projections');

/** The embedded store's file inside DATA_DIR: events, read models and checkpoints together. */
export const sqliteFileOf = (config: AppConfig): string => path.resolve(config.DATA_DIR, 'dnscc.sqlite');

/**
 * Opens the event store named by EVENT_STORE and the read models fed from it. In the embedded
 * (SQLite) mode projections run inline, inside each append's transaction.
 */
@Global()
@Module({})
export class EventStoreModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: SqliteEventStore,
    private readonly runner: SqliteProjectionRunner,
  ) {}

  static forRoot(projections: readonly Projection[]): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: PROJECTIONS, useValue: projections },
        {
          provide: EVENT_STORE,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            mkdirSync(config.DATA_DIR, { recursive: true });
            return SqliteEventStore.open({ path: sqliteFileOf(config) });
          },
        },
        {
          provide: SqliteProjectionRunner,
          inject: [EVENT_STORE, PROJECTIONS],
          useFactory: (store: SqliteEventStore, list: readonly Projection[]) =>
            new SqliteProjectionRunner(store.database, store, list),
        },
        {
          provide: READ_MODEL,
          inject: [SqliteProjectionRunner],
          useFactory: (runner: SqliteProjectionRunner) => new SqliteReadModelAccess(runner),
        },
      ],
      exports: [EVENT_STORE, READ_MODEL, SqliteProjectionRunner],
    };
  }

  onModuleInit(): void {
    this.runner.catchUp();
    this.store.addInlineHook((events) => {
      this.runner.applyInline(events);
    });
    this.store.onCommitted(() => {
      this.runner.notifyAdvanced();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
