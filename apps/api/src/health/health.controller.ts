import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore, SqliteProjectionRunner } from '@app/event-store';

/** Liveness and readiness in one: the event store answers, and how far each projection lags. */
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: SqliteProjectionRunner,
  ) {}

  @Get('health')
  async health(@Res() reply: FastifyReply): Promise<void> {
    try {
      const head = await this.store.headPosition();
      const projections = this.runner.status().map(({ name, checkpoint }) => ({
        name,
        checkpoint: checkpoint.toString(),
        lag: Number(head - checkpoint),
      }));
      await reply.code(200).send({
        status: 'ok',
        eventStore: { status: 'ok', kind: 'sqlite', headPosition: head.toString() },
        projections,
      });
    } catch {
      await reply.code(503).send({ status: 'unavailable', eventStore: { status: 'error' } });
    }
  }
}
