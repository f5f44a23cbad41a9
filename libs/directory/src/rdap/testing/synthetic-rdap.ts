import { RdapBootstrap, parseRdapBootstrapFile } from '../rdap-bootstrap';
import type { RdapFetcher } from '../rdap-http.client';
import { RdapClient, type RdapClientOptions } from '../rdap.client';
import { FakeTime } from './fake-time';

/** Synthetic registry servers of the client unit tests: `.example` has one, `.test` two. */
export const REGISTRY = 'https://rdap.registry.example/v1/';
export const MIRROR = 'https://mirror.registry.example/';
export const REGISTRAR_URL = 'https://rdap.registrar.example/domain/shop.example';

export const syntheticBootstrap = RdapBootstrap.fromTables(
  parseRdapBootstrapFile(
    {
      version: '1.0',
      publication: '2026-07-23T02:00:03Z',
      services: [
        [['example'], [REGISTRY]],
        [['test'], [MIRROR, REGISTRY]],
      ],
    },
    'dns.json',
  ),
);

export interface SyntheticDomainOptions {
  readonly abuse?: boolean;
  readonly related?: string;
  readonly ianaId?: string;
  readonly name?: string;
}

/** A minimal RDAP domain answer with a registrar entity shaped by `options`. */
export function syntheticDomainAnswer(options: SyntheticDomainOptions = {}): unknown {
  const abuse = {
    roles: ['abuse'],
    vcardArray: [
      'vcard',
      [
        ['email', {}, 'text', 'abuse@registrar.example'],
        ['tel', {}, 'uri', 'tel:+1.5550001111'],
      ],
    ],
  };
  return {
    objectClassName: 'domain',
    status: ['active'],
    links:
      options.related === undefined
        ? []
        : [{ rel: 'related', type: 'application/rdap+json', href: options.related }],
    entities: [
      {
        roles: ['registrar'],
        publicIds:
          options.ianaId === undefined ? [] : [{ type: 'IANA Registrar ID', identifier: options.ianaId }],
        vcardArray: ['vcard', options.name === undefined ? [] : [['fn', {}, 'text', options.name]]],
        entities: options.abuse === true ? [abuse] : [],
      },
    ],
  };
}

/** An {@link RdapClient} over the synthetic bootstrap, with a fake clock. */
export function syntheticRdapClient(fetcher: RdapFetcher, options: Partial<RdapClientOptions> = {}) {
  const time = new FakeTime();
  const client = new RdapClient({ bootstrap: syntheticBootstrap, fetcher, clock: time.clock, ...options });
  return { time, client };
}
