import type { EventMetadata } from '@app/core';
import type { EventData, JsonValue, RecordedEvent } from '@app/event-store';
import { ORGANISATION_EVENT_TYPES, type OrganisationEvent } from '../domain/organisation.events';
import { ROOT_ZONE_EVENT_TYPES, type RootZoneEvent } from '../domain/root-zone.events';

export type DirectoryEvent = OrganisationEvent | RootZoneEvent;

export const DIRECTORY_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  ...ORGANISATION_EVENT_TYPES,
  ...ROOT_ZONE_EVENT_TYPES,
]);

export function toEventData(event: DirectoryEvent, metadata: EventMetadata): EventData {
  return {
    id: metadata.eventId,
    type: event.type,
    data: event.data as unknown as JsonValue,
    metadata: metadata as unknown as JsonValue,
  };
}

/** Stored shapes are never rewritten, so a known type name means a known shape. */
export function fromRecordedEvent(recorded: RecordedEvent): {
  event: DirectoryEvent;
  metadata: EventMetadata;
} {
  if (!DIRECTORY_EVENT_TYPES.has(recorded.type)) {
    throw new TypeError(`Unknown directory event type ${recorded.type} at position ${recorded.position}`);
  }
  return {
    event: { type: recorded.type, data: recorded.data } as DirectoryEvent,
    metadata: recorded.metadata as unknown as EventMetadata,
  };
}
