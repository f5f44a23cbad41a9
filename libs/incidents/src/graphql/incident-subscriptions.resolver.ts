import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer, subscriptionStart } from '@app/core/nest';
import type { Viewer } from '@app/core';
import { canSee } from '@app/access';
import { IncidentAccessService } from '../infrastructure/incident-access.service';
import { accessFactsOf } from '../projections/incident-access.read-model';
import type { IncidentView } from '../projections/incident-view';
import { EscalationType } from './escalation.type';
import { IncidentType } from './incident.type';

/** Topics the API publishes on; payloads hold the field's value, already shaped for GraphQL. */
export const incidentUpdatedTopic = (incidentId: string): string => `INCIDENT_UPDATED_${incidentId}`;
export const escalationsChangedTopic = (organisationId: string): string =>
  `ESCALATIONS_CHANGED_${organisationId}`;

/** What the API's graphql-ws connection adds: the viewer as of now, re-checked from its token. */
interface SubscriptionContext {
  readonly currentViewer?: () => Promise<Viewer | null>;
}

interface PubSub {
  subscribe(topics: string | string[]): Promise<AsyncIterable<unknown>>;
}

/** Live updates over graphql-ws; the connection authenticates with `{ authorization: "Bearer …" }`. */
@Resolver()
export class IncidentSubscriptionsResolver {
  constructor(private readonly access: IncidentAccessService) {}

  @Subscription(() => IncidentType, {
    description: 'The incident each time its stream changes, while you may see it',
    // Checked again for every update: sharing or an escalation can change who sees it.
    filter: async (
      payload: { incidentUpdated: IncidentView },
      _variables: unknown,
      context: SubscriptionContext,
    ) => {
      const viewer = (await context.currentViewer?.()) ?? null;
      return viewer !== null && canSee(viewer, accessFactsOf(payload.incidentUpdated));
    },
  })
  async incidentUpdated(
    @Args('id', { type: () => ID }) id: string,
    @Context('pubsub') pubsub: PubSub,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AsyncIterable<unknown>> {
    return subscriptionStart(async () => {
      await this.access.visible(viewer, id);
      return pubsub.subscribe(incidentUpdatedTopic(id));
    });
  }

  @Subscription(() => EscalationType, {
    description: "Each escalation addressed to the caller's organisation when it is sent or changes",
    // A token revoked (or expired) while the connection is open stops receiving at once.
    filter: async (_payload: unknown, _variables: unknown, context: SubscriptionContext) =>
      ((await context.currentViewer?.()) ?? null) !== null,
  })
  myEscalationsChanged(
    @Context('pubsub') pubsub: PubSub,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AsyncIterable<unknown>> {
    return pubsub.subscribe(escalationsChangedTopic(viewer.organisationId));
  }
}
