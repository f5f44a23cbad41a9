import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AccessModule } from '@app/access';
import type { AppConfig } from '@app/core';
import { CoreModule } from '@app/core/nest';
import { DirectoryModule } from '@app/directory';
import { EventStoreModule } from '@app/event-store';
import { PROJECTION_LIST } from './projection-list';

/** What the command-line tools (admin, directory import) need: the store, directory and access, no HTTP. */
@Module({})
export class ToolsAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ToolsAppModule,
      imports: [
        CoreModule.forRoot(config),
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(PROJECTION_LIST),
        DirectoryModule,
        AccessModule,
      ],
    };
  }
}

/** Nest's own log lines would mix with a tool's output, so tools run with Nest's logger off. */
export function createToolsContext(config: AppConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(ToolsAppModule.forRoot(config), { logger: false });
}
