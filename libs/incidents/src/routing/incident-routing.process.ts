import { Injectable, Logger } from '@nestjs/common';
import { systemActor } from '@app/core';
import { type RecordedEvent } from '@app/event-store';
import { incidentIdOfStream } from '../domain/incident.events';
import { fromRecordedEvent } from '../infrastructure/incident-event.codec';
import { LeasedLogFollowers } from '../infrastructure/leased-log-followers';
import type { LogFollower } from '../infrastructure/process-checkpoint';
import { IncidentRoutingService } from './incident-routing.service';

/**
 * Routes every domain of every reported incident, and every domain added later, by following the
 * global log from a stored checkpoint. A crash re-routes at most the event it was handling, which
 * appends nothing the second time (routing decisions are compared by fingerprint).
 */
@Injectable()
export class IncidentRoutingProcess {
  private readonly logger = new Logger(IncidentRoutingProcess.name);
  private follower: LogFollower | null = null;

  constructor(
    private readonly followers: LeasedLogFollowers,
    private readonly routing: IncidentRoutingService,
  ) {}

  /** Resolves once this process follows the log, or another process holds the lease to. */
  async start(): Promise<void> {
    this.follower = await this.followers.follow(
      'incident-routing',
      ['IncidentReported', 'DomainAdded'],
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
    const { event, metadata } = fromRecordedEvent(recorded);
    const incidentId = incidentIdOfStream(recorded.streamId);
    const context = {
      actor: systemActor,
      correlationId: metadata.correlationId,
      causationId: recorded.id,
    };
    try {
      if (event.type === 'IncidentReported') {
        const names = event.data.domains.map((d) => d.name);
        await this.routing.routeDomains(incidentId, names, event.data.category, context);
      } else if (event.type === 'DomainAdded') {
        const { state } = await this.routing.load(incidentId);
        const category = state.kind === 'existing' ? state.category : 'OTHER';
        await this.routing.routeDomains(incidentId, [event.data.domain.name], category, context);
      }
    } catch (error) {
      // One incident's failure must not stop routing for every later one; rerouteIncident retries it.
      this.logger.error(error, `Routing incident ${incidentId} failed`);
    }
  }
}
