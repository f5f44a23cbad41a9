import type { TldType } from './directory.vocabulary';

/** One stream holds the imported root zone, so its history shows every change IANA published. */
export const ROOT_ZONE_STREAM = 'reference-root-zone';

/** What the directory knows about one TLD from the IANA Root Zone Database. */
export interface TldEntry {
  readonly tld: string;
  readonly type: TldType;
  readonly delegated: boolean;
  readonly country: string | null;
  /** Null for retired TLDs the root zone lists without an operator. */
  readonly registryOperator: string | null;
  readonly registryOrganisationId: string | null;
  readonly rdapBaseUrls: readonly string[];
  readonly lastUpdated: string | null;
  /** The file or URL the entry was imported from. */
  readonly source: string;
}

export type RootZoneEvent =
  | { readonly type: 'TldRecorded'; readonly data: TldEntry }
  | { readonly type: 'TldWithdrawn'; readonly data: { readonly tld: string; readonly source: string } };

export const ROOT_ZONE_EVENT_TYPES: readonly RootZoneEvent['type'][] = ['TldRecorded', 'TldWithdrawn'];

export type RootZoneState = ReadonlyMap<string, TldEntry>;

export function evolveRootZone(state: Map<string, TldEntry>, event: RootZoneEvent): Map<string, TldEntry> {
  if (event.type === 'TldRecorded') state.set(event.data.tld, event.data);
  else state.delete(event.data.tld);
  return state;
}

/**
 * The events that bring the recorded root zone to `wanted`: new or changed TLDs are recorded,
 * TLDs gone from the data are withdrawn, unchanged ones add nothing. Where a TLD came from
 * (`source`) is not a change by itself.
 */
export function syncRootZone(
  state: RootZoneState,
  wanted: readonly TldEntry[],
  source: string,
): RootZoneEvent[] {
  const events: RootZoneEvent[] = [];
  const seen = new Set<string>();
  for (const entry of wanted) {
    seen.add(entry.tld);
    const current = state.get(entry.tld);
    if (!current || !sameEntry(current, entry)) events.push({ type: 'TldRecorded', data: entry });
  }
  for (const tld of state.keys()) {
    if (!seen.has(tld)) events.push({ type: 'TldWithdrawn', data: { tld, source } });
  }
  return events;
}

function sameEntry(a: TldEntry, b: TldEntry): boolean {
  return (
    a.type === b.type &&
    a.delegated === b.delegated &&
    a.country === b.country &&
    a.registryOperator === b.registryOperator &&
    a.registryOrganisationId === b.registryOrganisationId &&
    a.lastUpdated === b.lastUpdated &&
    a.rdapBaseUrls.length === b.rdapBaseUrls.length &&
    a.rdapBaseUrls.every((url, i) => url === b.rdapBaseUrls[i])
  );
}
