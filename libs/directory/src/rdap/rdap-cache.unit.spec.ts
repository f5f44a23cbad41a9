import { InMemoryRdapCache, rdapCacheEntry } from './rdap-cache';

const fetchedAt = new Date('2026-11-27T10:00:00.000Z');
const at = (iso: string) => new Date(iso);

describe('rdapCacheEntry', () => {
  it('keeps a found answer 24 h and a not-found answer 1 h by default', () => {
    expect(rdapCacheEntry({ url: 'u', status: 200, body: '{}' }, fetchedAt)).toEqual({
      url: 'u',
      status: 200,
      body: '{}',
      fetchedAt: '2026-11-27T10:00:00.000Z',
      expiresAt: '2026-11-28T10:00:00.000Z',
    });
    expect(rdapCacheEntry({ url: 'u', status: 404, body: '' }, fetchedAt).expiresAt).toBe(
      '2026-11-27T11:00:00.000Z',
    );
  });

  it('takes other lifetimes', () => {
    const ttl = { foundMs: 60_000, notFoundMs: 1_000 };
    expect(rdapCacheEntry({ url: 'u', status: 200, body: '{}' }, fetchedAt, ttl).expiresAt).toBe(
      '2026-11-27T10:01:00.000Z',
    );
  });
});

describe('InMemoryRdapCache', () => {
  it('returns an entry until it expires', () => {
    const cache = new InMemoryRdapCache();
    const entry = rdapCacheEntry({ url: 'u', status: 404, body: '' }, fetchedAt);
    cache.put(entry);
    expect(cache.get('u', at('2026-11-27T10:59:59.999Z'))).toEqual(entry);
    expect(cache.get('u', at('2026-11-27T11:00:00.000Z'))).toBeNull();
    expect(cache.get('other', fetchedAt)).toBeNull();
  });

  it('forgets the oldest stored entry beyond its size', () => {
    const cache = new InMemoryRdapCache(2);
    for (const url of ['a', 'b', 'a', 'c'])
      cache.put(rdapCacheEntry({ url, status: 200, body: '{}' }, fetchedAt));
    expect(['a', 'b', 'c'].map((url) => cache.get(url, fetchedAt)?.url ?? null)).toEqual(['a', null, 'c']);
  });
});
