import { ScriptedRdapFetcher } from './testing/scripted-rdap.fetcher';
import {
  REGISTRAR_URL,
  REGISTRY,
  syntheticDomainAnswer,
  syntheticRdapClient,
} from './testing/synthetic-rdap';

describe('RdapClient registrar step', () => {
  const registryUrl = `${REGISTRY}domain/shop.example`;
  const thinRegistry = syntheticDomainAnswer({
    related: REGISTRAR_URL,
    ianaId: '9',
    name: 'Registrar Listed',
  });
  const registrarOwn = syntheticDomainAnswer({ abuse: true, ianaId: '9', name: 'Registrar Own Name' });

  it('asks the registrar when the registry gives no abuse contact, and merges its contacts', async () => {
    const fetcher = new ScriptedRdapFetcher()
      .found(registryUrl, thinRegistry)
      .found(REGISTRAR_URL, registrarOwn);
    const { client, time } = syntheticRdapClient(fetcher);
    expect(await client.lookupDomain('shop.example')).toEqual({
      kind: 'found',
      registrar: {
        ianaId: 9,
        name: 'Registrar Listed',
        rdapUrl: REGISTRAR_URL,
        abuseContacts: [{ email: 'abuse@registrar.example', phone: '+1.5550001111', source: REGISTRAR_URL }],
      },
      status: ['active'],
      redacted: [],
      sources: [registryUrl, REGISTRAR_URL],
      fetchedAt: time.iso(),
    });
  });

  it('does not ask the registrar when the registry already gives an abuse contact', async () => {
    const registry = syntheticDomainAnswer({ abuse: true, related: REGISTRAR_URL });
    const fetcher = new ScriptedRdapFetcher().found(registryUrl, registry).found(REGISTRAR_URL, registrarOwn);
    await syntheticRdapClient(fetcher).client.lookupDomain('shop.example');
    expect(fetcher.requested).toEqual([registryUrl]);
  });

  it('always asks under `always`, listing a contact both publish once; never under `never`', async () => {
    const registry = syntheticDomainAnswer({ abuse: true, related: REGISTRAR_URL });
    const always = new ScriptedRdapFetcher().found(registryUrl, registry).found(REGISTRAR_URL, registrarOwn);
    const outcome = await syntheticRdapClient(always, { registrarStep: 'always' }).client.lookupDomain(
      'shop.example',
    );
    expect(outcome).toMatchObject({
      registrar: { ianaId: 9, abuseContacts: [{ source: registryUrl }] },
      sources: [registryUrl, REGISTRAR_URL],
    });
    const never = new ScriptedRdapFetcher().found(registryUrl, thinRegistry);
    await syntheticRdapClient(never, { registrarStep: 'never' }).client.lookupDomain('shop.example');
    expect(never.requested).toEqual([registryUrl]);
  });

  it('keeps the registry data when the registrar step fails', async () => {
    const fetcher = new ScriptedRdapFetcher()
      .found(registryUrl, thinRegistry)
      .failing(REGISTRAR_URL, 'HTTP 500');
    expect(await syntheticRdapClient(fetcher).client.lookupDomain('shop.example')).toMatchObject({
      kind: 'found',
      registrar: { ianaId: 9, name: 'Registrar Listed', rdapUrl: REGISTRAR_URL, abuseContacts: [] },
      sources: [registryUrl, REGISTRAR_URL],
    });
  });

  it('follows only https registrar links unless told otherwise', async () => {
    const plain = 'http://rdap.registrar.example/domain/shop.example';
    const registry = syntheticDomainAnswer({ related: plain });
    const fetcher = new ScriptedRdapFetcher().found(registryUrl, registry).found(plain, registrarOwn);
    await syntheticRdapClient(fetcher).client.lookupDomain('shop.example');
    expect(fetcher.requested).toEqual([registryUrl]);
    await syntheticRdapClient(fetcher, { registrarUrlAllowed: () => true }).client.lookupDomain(
      'shop.example',
    );
    expect(fetcher.requested).toEqual([registryUrl, registryUrl, plain]);
  });
});
