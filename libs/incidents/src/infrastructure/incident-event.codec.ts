import type { EventMetadata } from '@app/core';
import type { EventData, JsonValue, RecordedEvent } from '@app/event-store';
import { INCIDENT_EVENT_TYPES, type IncidentEvent, type IncidentEventType } from '../domain/incident.events';

const KNOWN_TYPES = new Set<string>(INCIDENT_EVENT_TYPES);

export interface StoredIncidentEvent {
  readonly event: IncidentEvent;
  readonly metadata: EventMetadata;
  readonly revision: bigint;
  readonly position: bigint;
  readonly recordedAt: Date;
}

export const isIncidentEventType = (type: string): type is IncidentEventType => KNOWN_TYPES.has(type);

/** Serialises a decided event with its metadata for the store; the metadata's eventId is the event's id. */
export function toEventData(event: IncidentEvent, metadata: EventMetadata): EventData {
  return {
    id: metadata.eventId,
    type: event.type,
    data: event.data as unknown as JsonValue,
    metadata: metadata as unknown as JsonValue,
  };
}

/**
 * Reads back an event this context wrote. Stored shapes are never rewritten, so a known type name
 * means a known shape; an unknown name in an incident stream is a programming error.
 */
export function fromRecordedEvent(recorded: RecordedEvent): StoredIncidentEvent {
  if (!isIncidentEventType(recorded.type)) {
    throw new TypeError(`Unknown incident event type ${recorded.type} at position ${recorded.position}`);
  }
  return {
    event: { type: recorded.type, data: recorded.data } as IncidentEvent,
    metadata: recorded.metadata as unknown as EventMetadata,
    revision: recorded.revision,
    position: recorded.position,
    recordedAt: recorded.recordedAt,
  };
}
