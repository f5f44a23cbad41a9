import type { EventStore } from '@app/event-store';
import { incidentStreamId } from '../domain/incident.events';
import { fromRecordedEvent, type StoredIncidentEvent } from '../infrastructure/incident-event.codec';

/** The incident's events in order, optionally only those that occurred at or before `until`. */
export async function readIncidentHistory(
  store: EventStore,
  incidentId: string,
  until: Date | null = null,
): Promise<StoredIncidentEvent[]> {
  const history: StoredIncidentEvent[] = [];
  for await (const recorded of store.readStream(incidentStreamId(incidentId))) {
    const stored = fromRecordedEvent(recorded);
    if (until !== null && Date.parse(stored.metadata.occurredAt) > until.getTime()) break;
    history.push(stored);
  }
  return history;
}
