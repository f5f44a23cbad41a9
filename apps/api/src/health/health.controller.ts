import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { EVENT_STORE, type EventStore, READ_MODEL_RUNTIME, type ReadModelRuntime } from '@app/event-store';
import { SlaClockQueue } from '@app/incidents';

/** Liveness and readiness in one: the event store answers, and how far each projection lags. */
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_RUNTIME) private readonly readModel: ReadModelRuntime,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    /** Present where this process runs the worker (ROLE=all): the SLA timers' Redis. */
    @Optional() private readonly clocks?: SlaClockQueue,
  ) {}

  @Get('health')
  async health(@Res() reply: FastifyReply): Promise<void> {
    try {
      const head = await this.store.headPosition();
      const held = new Set(this.readModel.heldProjections());
      const projections = (await this.readModel.access.status()).map(({ name, checkpoint }) => ({
        name,
        checkpoint: checkpoint.toString(),
        lag: Number(head - checkpoint),
        // Whether this process applies the projection (a lease holder), or reads what another applies.
        runHere: held.has(name),
      }));
      const redis = this.clocks ? await redisStatus(this.clocks) : null;
      await reply.code(200).send({
        // Degraded: timers wait in the read model until Redis is back, then fire late but once.
        status: redis === 'error' ? 'degraded' : 'ok',
        role: this.config.ROLE,
        eventStore: { status: 'ok', kind: this.config.EVENT_STORE, headPosition: head.toString() },
        projections,
        ...(redis === null ? {} : { slaTimers: { redis } }),
      });
    } catch {
      await reply.code(503).send({ status: 'unavailable', eventStore: { status: 'error' } });
    }
  }
}

async function redisStatus(clocks: SlaClockQueue): Promise<'ok' | 'error'> {
  const timeout = new Promise<'error'>((resolve) => {
    setTimeout(() => {
      resolve('error');
    }, 1000).unref();
  });
  const ping = clocks.hasEpoch().then(
    () => 'ok' as const,
    () => 'error' as const,
  );
  return Promise.race([ping, timeout]);
}
