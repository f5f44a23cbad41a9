import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock } from '@app/core';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import type { RdapDomainOutcome } from '../domain/routing/rdap-outcome';
import { offRdapPort } from '../rdap/disabled-rdap.adapter';
import { loadRdapBootstrap } from '../rdap/rdap-bootstrap.loader';
import { RdapClient } from '../rdap/rdap.client';
import { RdapHttpClient } from '../rdap/rdap-http.client';
import { RDAP_PORT, type RdapPort } from '../rdap/rdap.port';
import { SqlRdapCache } from '../rdap/sql-rdap.cache';

/** A failed bootstrap download is retried after this long, not on every lookup. */
const BOOTSTRAP_RETRY_MS = 5 * 60_000;

/**
 * Loads the RDAP bootstrap on first use, not at start: the centre must start (and route with what
 * the directory knows) on a machine that cannot reach IANA. Until the bootstrap loads, every
 * lookup is a `failed` outcome that says why.
 */
export class LazyRdapPort implements RdapPort {
  private client: Promise<RdapClient> | null = null;
  private failedAt = 0;

  constructor(
    private readonly load: () => Promise<RdapClient>,
    private readonly clock: Clock,
    private readonly bootstrap: string,
  ) {}

  async lookupDomain(registrableDomain: string): Promise<RdapDomainOutcome> {
    const now = this.clock.now().getTime();
    if (this.client === null && now - this.failedAt >= BOOTSTRAP_RETRY_MS) this.client = this.load();
    if (this.client === null) return this.unavailable('not loaded yet');
    try {
      return await (await this.client).lookupDomain(registrableDomain);
    } catch (error) {
      this.client = null;
      this.failedAt = now;
      return this.unavailable(error instanceof Error ? error.message : String(error));
    }
  }

  private unavailable(reason: string): RdapDomainOutcome {
    return {
      kind: 'failed',
      reason: `the RDAP bootstrap is unavailable (${reason})`,
      source: this.bootstrap,
    };
  }
}

export const rdapPortProvider: Provider = {
  provide: RDAP_PORT,
  inject: [APP_CONFIG, READ_MODEL, CLOCK],
  useFactory: (config: AppConfig, readModel: ReadModelAccess, clock: Clock): RdapPort => {
    if (!config.RDAP_ENABLED) return offRdapPort;
    const cache = new SqlRdapCache(readModel.sql);
    const fetcher = new RdapHttpClient({
      clock,
      timeoutMs: config.RDAP_TIMEOUT_MS,
      rateLimit: {
        requestsPerSecond: config.RDAP_RATE_PER_SECOND,
        burst: Math.max(1, Math.ceil(config.RDAP_RATE_PER_SECOND)),
      },
    });
    const locations = {
      iana: config.RDAP_BOOTSTRAP,
      ...(config.RDAP_BOOTSTRAP_SUPPLEMENT === undefined
        ? {}
        : { supplemental: config.RDAP_BOOTSTRAP_SUPPLEMENT }),
    };
    return new LazyRdapPort(
      async () => new RdapClient({ bootstrap: await loadRdapBootstrap(locations), fetcher, cache, clock }),
      clock,
      config.RDAP_BOOTSTRAP,
    );
  },
};
