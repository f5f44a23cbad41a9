import { InMemoryRdapCache } from './rdap-cache';
import { ScriptedRdapFetcher } from './testing/scripted-rdap.fetcher';
import { MIRROR, REGISTRY, syntheticDomainAnswer, syntheticRdapClient } from './testing/synthetic-rdap';

describe('RdapClient', () => {
  it('asks the bootstrap server for the A-label form of the domain', async () => {
    const fetcher = new ScriptedRdapFetcher();
    const { client, time } = syntheticRdapClient(fetcher);
    expect(await client.lookupDomain(' Bücher.EXAMPLE. ')).toEqual({
      kind: 'not_found',
      source: `${REGISTRY}domain/xn--bcher-kva.example`,
      fetchedAt: time.iso(),
    });
  });

  it('answers no_service for a TLD without RDAP, and refuses what is not a registrable domain', async () => {
    const { client } = syntheticRdapClient(new ScriptedRdapFetcher());
    expect(await client.lookupDomain('shop.invalid')).toEqual({
      kind: 'no_service',
      reason: 'no RDAP service for .invalid in the bootstrap (dns.json (published 2026-07-23T02:00:03Z))',
    });
    for (const input of ['example', 'evil.example/../shop.example', 'a..example', '-a.example', '']) {
      expect(await client.lookupDomain(input)).toEqual({
        kind: 'failed',
        reason: `not a registrable domain name: ${JSON.stringify(input)}`,
        source: null,
      });
    }
  });

  it('reports a failed registry query with its reason and URL', async () => {
    const url = `${REGISTRY}domain/shop.example`;
    const { client } = syntheticRdapClient(
      new ScriptedRdapFetcher().failing(url, 'HTTP 503; gave up after 3 attempts'),
    );
    expect(await client.lookupDomain('shop.example')).toEqual({
      kind: 'failed',
      reason: 'HTTP 503; gave up after 3 attempts',
      source: url,
    });
  });

  it('tries the next server of the service when one fails', async () => {
    const fetcher = new ScriptedRdapFetcher()
      .failing(`${MIRROR}domain/shop.test`, 'network error: ECONNREFUSED')
      .found(`${REGISTRY}domain/shop.test`, syntheticDomainAnswer({ abuse: true }));
    const { client } = syntheticRdapClient(fetcher);
    expect(await client.lookupDomain('shop.test')).toMatchObject({
      kind: 'found',
      sources: [`${MIRROR}domain/shop.test`, `${REGISTRY}domain/shop.test`],
    });
  });

  it('fails when the answer is not a domain object', async () => {
    const url = `${REGISTRY}domain/shop.example`;
    const { client } = syntheticRdapClient(new ScriptedRdapFetcher().found(url, ['not', 'a', 'domain']));
    expect(await client.lookupDomain('shop.example')).toEqual({
      kind: 'failed',
      reason: 'expected an RDAP domain object, got an array',
      source: url,
    });
  });

  it('turns an unexpected exception into a failed outcome', async () => {
    const fetcher = new ScriptedRdapFetcher();
    fetcher.get = () => Promise.reject(new Error('boom'));
    const { client } = syntheticRdapClient(fetcher);
    expect(await client.lookupDomain('shop.example')).toEqual({
      kind: 'failed',
      reason: 'internal error in the RDAP client: boom',
      source: null,
    });
  });
});

describe('RdapClient with a cache', () => {
  const url = `${REGISTRY}domain/shop.example`;

  it('answers from the cache while fresh, with the time the answer was fetched', async () => {
    const fetcher = new ScriptedRdapFetcher().found(url, syntheticDomainAnswer({ abuse: true }));
    const { client, time } = syntheticRdapClient(fetcher, { cache: new InMemoryRdapCache() });
    const fetchedAt = time.iso();
    await client.lookupDomain('shop.example');
    time.advance(24 * 3_600_000 - 1);
    expect(await client.lookupDomain('shop.example')).toMatchObject({ kind: 'found', fetchedAt });
    expect(fetcher.requested).toHaveLength(1);
    time.advance(1);
    expect(await client.lookupDomain('shop.example')).toMatchObject({ kind: 'found', fetchedAt: time.iso() });
    expect(fetcher.requested).toHaveLength(2);
  });

  it('keeps a not-found answer for an hour and a failure not at all', async () => {
    const fetcher = new ScriptedRdapFetcher();
    const { client, time } = syntheticRdapClient(fetcher, { cache: new InMemoryRdapCache() });
    await client.lookupDomain('shop.example');
    time.advance(3_600_000 - 1);
    await client.lookupDomain('shop.example');
    expect(fetcher.requested).toHaveLength(1);
    time.advance(1);
    fetcher.failing(url, 'HTTP 503');
    await client.lookupDomain('shop.example');
    await client.lookupDomain('shop.example');
    expect(fetcher.requested).toHaveLength(3);
  });
});
