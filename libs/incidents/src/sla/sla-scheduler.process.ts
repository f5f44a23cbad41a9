import { Inject, Injectable, Logger } from '@nestjs/common';
import { READ_MODEL, type ReadModelAccess, type RecordedEvent } from '@app/event-store';
import { ESCALATION_EVENT_TYPES } from '../domain/escalation.events';
import { incidentIdOfStream } from '../domain/incident.events';
import { LeasedLogFollowers } from '../infrastructure/leased-log-followers';
import type { LogFollower } from '../infrastructure/process-checkpoint';
import { escalationsOfIncident, timerOfStoppedClock, timersOfIncident } from './sla-clock.rows';
import { SlaClockQueue } from './sla-clock.queue';
import { timerJobId } from './sla-timers';

/**
 * Keeps Redis timers in step with the incident streams: after every escalation event (and a
 * resolution) it schedules the next timer of each running clock and removes the timers of clocks
 * that stopped. Scheduling is idempotent (deterministic job ids), so replays after a crash are harmless.
 */
@Injectable()
export class SlaSchedulerProcess {
  private readonly logger = new Logger(SlaSchedulerProcess.name);
  private follower: LogFollower | null = null;

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModelAccess,
    private readonly followers: LeasedLogFollowers,
    private readonly clocks: SlaClockQueue,
  ) {}

  /** Resolves once this process follows the log, or another process holds the lease to. */
  async start(): Promise<void> {
    this.follower = await this.followers.follow(
      'sla-scheduler',
      [...ESCALATION_EVENT_TYPES, 'IncidentResolved'],
      (event) => this.handle(event),
      this.logger,
    );
  }

  async stop(): Promise<void> {
    const follower = this.follower;
    this.follower = null;
    await follower?.stop();
  }

  private async handle(recorded: RecordedEvent): Promise<void> {
    const incidentId = incidentIdOfStream(recorded.streamId);
    // The read model may lag the log in another process; the reconciler covers what this misses.
    await this.readModel.waitFor(recorded.position, 2000);
    try {
      const { sql } = this.readModel;
      const stopped = (await escalationsOfIncident(sql, incidentId)).flatMap((e) =>
        e.clocks
          .filter((c) => c.state !== 'RUNNING')
          .map((c) => timerJobId(timerOfStoppedClock(incidentId, e.escalationId, c))),
      );
      await this.clocks.unschedule(stopped);
      await this.clocks.schedule(await timersOfIncident(sql, incidentId));
    } catch (error) {
      // Redis may be down; the reconciler re-creates every missing timer once it is back.
      this.logger.warn(`Scheduling the clocks of incident ${incidentId} failed: ${String(error)}`);
    }
  }
}
