import type { RecordedEvent } from '@app/event-store';
import { incidentStreamId } from '../../domain/incident.events';
import type { SyntheticIncidentEvent } from '../../domain/testing/synthetic-incident-log';
import { toEventData } from '../../infrastructure/incident-event.codec';

/** Events as the log would hand them to the projection: one stream per incident, positions from 1. */
export function recordedLog(items: readonly SyntheticIncidentEvent[]): RecordedEvent[] {
  const revisions = new Map<string, bigint>();
  return items.map(({ incidentId, event, metadata }, i) => {
    const streamId = incidentStreamId(incidentId);
    const revision = revisions.get(streamId) ?? 0n;
    revisions.set(streamId, revision + 1n);
    const { id, type, data, metadata: stored } = toEventData(event, metadata);
    const position = BigInt(i + 1);
    return { id, type, streamId, revision, position, data, metadata: stored, recordedAt: new Date(0) };
  });
}
