import type { RecordedEvent } from '@app/event-store';
import type { TldEntry } from '../domain/root-zone.events';
import type { DirectoryEvent } from '../infrastructure/directory-event.codec';

/** Events as the store would hand them to the projection: positions from 1, a minute apart. */
export function recordedLog(
  log: readonly (readonly [stream: string, event: DirectoryEvent])[],
): RecordedEvent[] {
  return log.map(([streamId, event], i) => {
    const at = new Date(Date.UTC(2026, 10, 27, 10, i));
    return {
      id: `event-${i}`,
      type: event.type,
      streamId,
      revision: BigInt(i),
      position: BigInt(i + 1),
      data: event.data as never,
      metadata: { occurredAt: at.toISOString() },
      recordedAt: at,
    };
  });
}

export const aTld = (name: string, parts: Partial<TldEntry> = {}): TldEntry => ({
  tld: name,
  type: 'COUNTRY_CODE',
  delegated: true,
  country: name.toUpperCase(),
  registryOperator: `Registry of .${name}`,
  registryOrganisationId: null,
  rdapBaseUrls: [],
  lastUpdated: null,
  source: 'root.csv',
  ...parts,
});
