import { RdapBootstrap, parseRdapBootstrapFile } from '../rdap-bootstrap';
import type { RdapCache } from '../rdap-cache';
import { RdapHttpClient, type RdapHttpOptions } from '../rdap-http.client';
import { RdapClient, type RegistrarStepPolicy } from '../rdap.client';
import { FakeTime } from './fake-time';
import type { RdapFixtureServer } from './rdap-fixture.server';

/** Registry path prefixes on the fixture server, shaped like the real servers' base URLs. */
export const FIXTURE_REGISTRIES = {
  com: 'com/v1/',
  fr: 'fr/',
  no: 'no/',
  cz: 'cz/',
  example: 'example/',
} as const;

/** A bootstrap sending com, fr, no, cz and example to the fixture server. */
export function fixtureBootstrap(server: RdapFixtureServer): RdapBootstrap {
  const services = Object.entries(FIXTURE_REGISTRIES).map(([tld, path]) => [
    [tld],
    [`${server.baseUrl}${path}`],
  ]);
  return RdapBootstrap.fromTables(
    parseRdapBootstrapFile(
      { version: '1.0', publication: '2026-11-27T00:00:00Z', services },
      'fixture-dns.json',
    ),
  );
}

export interface FixtureClientOptions {
  readonly http?: Partial<RdapHttpOptions>;
  readonly cache?: RdapCache;
  readonly registrarStep?: RegistrarStepPolicy;
  readonly time?: FakeTime;
}

/**
 * The real client stack (bootstrap, HTTP client, parser) against the fixture server, with a fake
 * clock for `fetchedAt`, backoff and rate limits. The server is plain http on 127.0.0.1, so the
 * registrar step is allowed there and nowhere else.
 */
export function fixtureRdapClient(server: RdapFixtureServer, options: FixtureClientOptions = {}) {
  const time = options.time ?? new FakeTime();
  const http = new RdapHttpClient({
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    ...options.http,
  });
  const client = new RdapClient({
    bootstrap: fixtureBootstrap(server),
    fetcher: http,
    clock: time.clock,
    registrarUrlAllowed: (url) => url.hostname === '127.0.0.1',
    ...(options.cache === undefined ? {} : { cache: options.cache }),
    ...(options.registrarStep === undefined ? {} : { registrarStep: options.registrarStep }),
  });
  return { client, time };
}
