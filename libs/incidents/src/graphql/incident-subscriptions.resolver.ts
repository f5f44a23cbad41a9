import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer } from '@app/core/nest';
import { InvalidInputError, isUuid, type Viewer } from '@app/core';
import { EscalationType } from './escalation.type';
import { IncidentType } from './incident.type';

/** Topics the API publishes on; payloads hold the field's value, already shaped for GraphQL. */
export const incidentUpdatedTopic = (incidentId: string): string => `INCIDENT_UPDATED_${incidentId}`;
export const escalationsChangedTopic = (organisationId: string): string =>
  `ESCALATIONS_CHANGED_${organisationId}`;

interface PubSub {
  subscribe(topics: string | string[]): Promise<AsyncIterable<unknown>>;
}

/** Live updates over graphql-ws; the connection authenticates with `{ authorization: "Bearer …" }`. */
@Resolver()
export class IncidentSubscriptionsResolver {
  @Subscription(() => IncidentType, { description: 'The incident each time its stream changes' })
  incidentUpdated(
    @Args('id', { type: () => ID }) id: string,
    @Context('pubsub') pubsub: PubSub,
    @CurrentViewer() _viewer: Viewer,
  ): Promise<AsyncIterable<unknown>> {
    if (!isUuid(id)) throw new InvalidInputError('id', id, 'is not an incident id');
    return pubsub.subscribe(incidentUpdatedTopic(id));
  }

  @Subscription(() => EscalationType, {
    description: "Each escalation addressed to the caller's organisation when it is sent or changes",
  })
  myEscalationsChanged(
    @Context('pubsub') pubsub: PubSub,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AsyncIterable<unknown>> {
    return pubsub.subscribe(escalationsChangedTopic(viewer.organisationId));
  }
}
