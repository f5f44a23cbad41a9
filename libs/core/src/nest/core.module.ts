import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/load-config';
import type { AppConfig } from '../config/config.schema';
import { CLOCK, systemClock } from '../clock';

/** Provides the validated configuration and the clock to every module. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig) {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: systemClock },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}
