import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { IncidentsModule, SLA_REDIS_CONNECTION, SlaWorkerModule } from '@app/incidents';
import { IncidentRoutingWorker } from './incident-routing.worker';
import type { RedisEndpoint } from './redis/embedded-redis';
import { redisConnectionOptions } from './redis/redis-connection';

const REDIS_ENDPOINT = Symbol('RedisEndpoint');

/** Stops our own redis-server last, once every connection to it has closed. */
@Injectable()
class EmbeddedRedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS_ENDPOINT) private readonly endpoint: RedisEndpoint) {}

  onApplicationShutdown(): Promise<void> {
    return this.endpoint.stop();
  }
}

/**
 * Background work: routing of reported incidents and the SLA clocks on Redis. Projections are run by
 * the event-store module in every process that is not ROLE=api.
 */
@Module({})
export class WorkerModule {
  static forRoot(redis: RedisEndpoint): DynamicModule {
    const connection = { provide: SLA_REDIS_CONNECTION, useValue: redisConnectionOptions(redis.url) };
    return {
      module: WorkerModule,
      global: true,
      imports: [IncidentsModule, SlaWorkerModule],
      providers: [
        connection,
        { provide: REDIS_ENDPOINT, useValue: redis },
        EmbeddedRedisLifecycle,
        IncidentRoutingWorker,
      ],
      exports: [connection],
    };
  }
}
