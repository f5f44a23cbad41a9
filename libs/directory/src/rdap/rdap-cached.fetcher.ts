import type { Clock } from '@app/core';
import { rdapCacheEntry, type CachedRdapResponse, type RdapCache, type RdapCacheTtl } from './rdap-cache';
import type { RdapFetcher } from './rdap-http.client';

/** An RDAP answer with the instant the server gave it (earlier than now when it came from the cache). */
export type RdapAnswer =
  | { readonly kind: 'found'; readonly url: string; readonly json: unknown; readonly fetchedAt: string }
  | { readonly kind: 'not_found'; readonly url: string; readonly fetchedAt: string }
  | { readonly kind: 'failed'; readonly url: string; readonly reason: string };

/**
 * Answers from the cache while fresh, else from the server; found and not-found answers are stored.
 * The cache only saves requests, so a cache that fails (locked or full disk) counts as a miss and a
 * failed store is skipped: losing the cache must not lose the lookup.
 */
export class CachedRdapFetcher {
  constructor(
    private readonly fetcher: RdapFetcher,
    private readonly cache: RdapCache,
    private readonly ttl: RdapCacheTtl,
    private readonly clock: Clock,
  ) {}

  async get(url: string): Promise<RdapAnswer> {
    const fromCache = await this.cached(url);
    if (fromCache !== null) return fromCache;
    const result = await this.fetcher.get(url);
    const fetchedAt = this.clock.now();
    switch (result.kind) {
      case 'found':
        await this.store(rdapCacheEntry({ url, status: 200, body: result.body }, fetchedAt, this.ttl));
        return { kind: 'found', url, json: result.json, fetchedAt: fetchedAt.toISOString() };
      case 'not_found':
        await this.store(rdapCacheEntry({ url, status: 404, body: '' }, fetchedAt, this.ttl));
        return { kind: 'not_found', url, fetchedAt: fetchedAt.toISOString() };
      case 'failed':
        return { kind: 'failed', url, reason: result.reason };
    }
  }

  private async cached(url: string): Promise<RdapAnswer | null> {
    try {
      const entry = await this.cache.get(url, this.clock.now());
      return entry === null ? null : answerOf(entry);
    } catch {
      return null;
    }
  }

  private async store(entry: CachedRdapResponse): Promise<void> {
    try {
      await this.cache.put(entry);
    } catch {
      // Deliberately ignored: see the class comment.
    }
  }
}

/** A stored body that no longer parses (edited by hand, truncated) is a miss, not a failure. */
function answerOf(entry: CachedRdapResponse): RdapAnswer | null {
  if (entry.status === 404) return { kind: 'not_found', url: entry.url, fetchedAt: entry.fetchedAt };
  try {
    return {
      kind: 'found',
      url: entry.url,
      json: JSON.parse(entry.body) as unknown,
      fetchedAt: entry.fetchedAt,
    };
  } catch {
    return null;
  }
}
