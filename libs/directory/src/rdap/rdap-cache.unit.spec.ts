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
  it('returns an entry until it expires', async () => {
    const cache = new InMemoryRdapCache();
    const entry = rdapCacheEntry({ url: 'u', status: 404, body: '' }, fetchedAt);
    await cache.put(entry);
    expect(await cache.get('u', at('2026-11-27T10:59:59.999Z'))).toEqual(entry);
    expect(await cache.get('u', at('2026-11-27T11:00:00.000Z'))).toBeNull();
    expect(await cache.get('other', fetchedAt)).toBeNull();
  });

  it('forgets the oldest stored entry beyond its size', async () => {
    const cache = new InMemoryRdapCache(2);
    for (const url of ['a', 'b', 'a', 'c'])
      await cache.put(rdapCacheEntry({ url, status: 200, body: '{}' }, fetchedAt));
    const urls = await Promise.all(
      ['a', 'b', 'c'].map(async (url) => (await cache.get(url, fetchedAt))?.url),
    );
    expect(urls).toEqual(['a', undefined, 'c']);
  });
});
