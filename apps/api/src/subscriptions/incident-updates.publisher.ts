import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { MQEmitter } from 'mqemitter';
import { EVENT_STORE, type EventStore, type RecordedEvent, type Subscription } from '@app/event-store';
import {
  escalationsChangedTopic,
  GetIncidentQuery,
  incidentUpdatedTopic,
  isEscalationEvent,
  presentEscalation,
} from '@app/incidents';

export const SUBSCRIPTION_EMITTER = Symbol('SubscriptionEmitter');

const INCIDENT_PREFIX = 'incident-';

/**
 * Feeds GraphQL subscriptions from the global log, whoever appended (this process, a worker, another
 * api process on the same store): after each incident event it publishes the incident as the read
 * model holds it, and each changed escalation to the addressed organisation's topic.
 */
@Injectable()
export class IncidentUpdatesPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IncidentUpdatesPublisher.name);
  private subscription: Subscription | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SUBSCRIPTION_EMITTER) private readonly emitter: MQEmitter,
    private readonly queries: QueryBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.store.headPosition();
    this.subscription = this.store.subscribeToAll(
      { fromPosition: head, filter: { streamPrefixes: [INCIDENT_PREFIX] } },
      (event) => this.publish(event),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }

  private async publish(recorded: RecordedEvent): Promise<void> {
    const incidentId = recorded.streamId.slice(INCIDENT_PREFIX.length);
    try {
      const incident = await this.queries.execute(new GetIncidentQuery(incidentId, recorded.position));
      this.emit(incidentUpdatedTopic(incidentId), { incidentUpdated: incident });
      if (!isEscalationEvent({ type: recorded.type })) return;
      // The escalations this event touched are the ones it stamped with its own time.
      for (const escalation of incident.escalations ?? []) {
        // A request awaiting approval is not the party's yet.
        if (escalation.updatedAt !== incident.updatedAt || escalation.status === 'PENDING_APPROVAL') continue;
        this.emit(escalationsChangedTopic(escalation.party.organisationId), {
          myEscalationsChanged: presentEscalation(escalation, incidentId),
        });
      }
    } catch (error) {
      this.logger.warn(`Publishing an update of incident ${incidentId} failed: ${String(error)}`);
    }
  }

  private emit(topic: string, payload: object): void {
    this.emitter.emit({ topic, payload });
  }
}
