/** An RDAP answer worth remembering: a found object (200) or a definite "no such domain" (404). */
export interface CachedRdapResponse {
  readonly url: string;
  readonly status: 200 | 404;
  /** The response body as received (empty for 404). */
  readonly body: string;
  /** ISO 8601 instant the server answered; becomes the outcome's `fetchedAt`. */
  readonly fetchedAt: string;
  readonly expiresAt: string;
}

/**
 * Stored RDAP answers keyed by query URL. Failures are never stored: the next lookup should try
 * the server again rather than repeat an outage for a day.
 */
export interface RdapCache {
  /** The entry for `url` unless it has expired at `now`. */
  get(url: string, now: Date): Promise<CachedRdapResponse | null>;
  /** Store or replace the entry for `entry.url`. */
  put(entry: CachedRdapResponse): Promise<void>;
}

/** How long answers stay fresh. */
export interface RdapCacheTtl {
  /** Default 24 h: registrar and abuse contacts change rarely. */
  readonly foundMs: number;
  /** Default 1 h: a domain that does not exist yet may be registered soon. */
  readonly notFoundMs: number;
}

export const DEFAULT_RDAP_CACHE_TTL: RdapCacheTtl = { foundMs: 24 * 3_600_000, notFoundMs: 3_600_000 };

/** The cache entry for an answer fetched at `fetchedAt`. */
export function rdapCacheEntry(
  answer: { readonly url: string; readonly status: 200 | 404; readonly body: string },
  fetchedAt: Date,
  ttl: RdapCacheTtl = DEFAULT_RDAP_CACHE_TTL,
): CachedRdapResponse {
  const lifetime = answer.status === 200 ? ttl.foundMs : ttl.notFoundMs;
  return {
    ...answer,
    fetchedAt: fetchedAt.toISOString(),
    expiresAt: new Date(fetchedAt.getTime() + lifetime).toISOString(),
  };
}

/** A process-local cache, for tests and for deployments without a cache file. */
export class InMemoryRdapCache implements RdapCache {
  private readonly entries = new Map<string, CachedRdapResponse>();

  /** @param maxEntries beyond it the oldest stored entry goes, so a long-running process stays bounded. */
  constructor(private readonly maxEntries = 10_000) {}

  get(url: string, now: Date): Promise<CachedRdapResponse | null> {
    const entry = this.entries.get(url);
    if (entry === undefined) return Promise.resolve(null);
    if (Date.parse(entry.expiresAt) > now.getTime()) return Promise.resolve(entry);
    this.entries.delete(url);
    return Promise.resolve(null);
  }

  put(entry: CachedRdapResponse): Promise<void> {
    this.entries.delete(entry.url);
    this.entries.set(entry.url, entry);
    const oldest = this.entries.keys().next();
    if (this.entries.size > this.maxEntries && oldest.done !== true) this.entries.delete(oldest.value);
    return Promise.resolve();
  }
}

/** A cache that remembers nothing. */
export const noRdapCache: RdapCache = {
  get: () => Promise.resolve(null),
  put: () => Promise.resolve(),
};
