import { systemClock, type Clock } from '@app/core';
import { PerOriginRateLimiter, realSleep, type RdapRateLimit, type Sleep } from './rdap-rate-limiter';
import { messageOf, propertyOf } from './rdap-error-detail';
import { readBodyWithin } from './rdap-response-body';
import {
  DEFAULT_RDAP_RETRY_POLICY,
  decideRetry,
  retryAfterMs,
  type RdapRetryPolicy,
} from './rdap-retry.policy';

/** The answer to one RDAP GET after retries; never an exception. */
export type RdapHttpResult =
  | { readonly kind: 'found'; readonly url: string; readonly body: string; readonly json: unknown }
  | { readonly kind: 'not_found'; readonly url: string }
  | { readonly kind: 'failed'; readonly url: string; readonly reason: string };

/** Fetches RDAP JSON; the seam between {@link RdapClient} lookups and the network. */
export interface RdapFetcher {
  get(url: string): Promise<RdapHttpResult>;
}

export interface RdapHttpOptions {
  /** Per-attempt timeout, body included; default 5 000 ms. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RdapRetryPolicy>;
  /** Per-origin limit, used unless `rateLimiter` is given; default 5 requests/s, burst 5. */
  readonly rateLimit?: RdapRateLimit;
  /** A limiter shared with other clients, so together they respect each server's limit. */
  readonly rateLimiter?: PerOriginRateLimiter;
  /** Largest body read; default 1 MiB (real domain answers are under 50 KiB). */
  readonly maxBodyBytes?: number;
  readonly userAgent?: string;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  /** In [0, 1); jitter of the backoff. */
  readonly random?: () => number;
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

/** One attempt's result: final, or worth another try (with the server's requested delay). */
type Attempt =
  | RdapHttpResult
  | { readonly kind: 'transient'; readonly reason: string; readonly retryAfterMs: number | null };

/**
 * GET over HTTP(S) with the habits RDAP servers expect of a client: RDAP media types, a timeout,
 * a per-server rate limit, and retries with backoff only for failures that may pass (network,
 * timeout, 5xx, 429). Other 4xx answers and unusable bodies fail at once.
 */
export class RdapHttpClient implements RdapFetcher {
  private readonly timeoutMs: number;
  private readonly retry: RdapRetryPolicy;
  private readonly limiter: PerOriginRateLimiter;
  private readonly maxBodyBytes: number;
  private readonly headers: Readonly<Record<string, string>>;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly fetch: (url: string, init: RequestInit) => Promise<Response>;

  constructor(options: RdapHttpOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.retry = { ...DEFAULT_RDAP_RETRY_POLICY, ...options.retry };
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
    this.limiter =
      options.rateLimiter ??
      new PerOriginRateLimiter({
        clock: this.clock,
        sleep: this.sleep,
        ...(options.rateLimit === undefined ? {} : { limit: options.rateLimit }),
      });
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.headers = {
      accept: 'application/rdap+json, application/json',
      ...(options.userAgent === undefined ? {} : { 'user-agent': options.userAgent }),
    };
  }

  async get(url: string): Promise<RdapHttpResult> {
    for (let attempt = 0; ; attempt += 1) {
      await this.limiter.acquire(url);
      const result = await this.attempt(url);
      if (result.kind !== 'transient') return result;
      const decision = decideRetry(attempt, result.retryAfterMs, this.retry, this.random);
      if (decision.kind === 'give_up') {
        return { kind: 'failed', url, reason: `${result.reason}; ${decision.reason}` };
      }
      await this.sleep(decision.delayMs);
    }
  }

  private async attempt(url: string): Promise<Attempt> {
    let response: Response;
    try {
      response = await this.fetch(url, {
        headers: this.headers,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { kind: 'transient', reason: this.describeFetchError(error), retryAfterMs: null };
    }
    if (response.status === 404) {
      await discardBody(response);
      return { kind: 'not_found', url };
    }
    if (response.status === 429 || response.status >= 500) {
      await discardBody(response);
      const retryAfter = retryAfterMs(response.headers.get('retry-after'), this.clock.now());
      return { kind: 'transient', reason: `HTTP ${response.status}`, retryAfterMs: retryAfter };
    }
    if (!response.ok) {
      await discardBody(response);
      return { kind: 'failed', url, reason: `HTTP ${response.status}` };
    }
    return this.readJson(url, response);
  }

  private async readJson(url: string, response: Response): Promise<Attempt> {
    let body;
    try {
      body = await readBodyWithin(response, this.maxBodyBytes);
    } catch (error) {
      return {
        kind: 'transient',
        reason: `reading the body: ${this.describeFetchError(error)}`,
        retryAfterMs: null,
      };
    }
    if (body.kind === 'too_large') {
      return { kind: 'failed', url, reason: `response body larger than ${this.maxBodyBytes} bytes` };
    }
    try {
      return { kind: 'found', url, body: body.text, json: JSON.parse(body.text) as unknown };
    } catch (error) {
      return { kind: 'failed', url, reason: `malformed JSON in the response: ${messageOf(error)}` };
    }
  }

  private describeFetchError(error: unknown): string {
    if (propertyOf(error, 'name') === 'TimeoutError') return `no answer within ${this.timeoutMs} ms`;
    // undici reports "fetch failed" and puts the useful part (ECONNREFUSED, DNS...) in `cause`.
    const cause = propertyOf(error, 'cause');
    const code = propertyOf(cause, 'code');
    return `network error: ${typeof code === 'string' ? code : messageOf(cause ?? error)}`;
  }
}

/** Release the connection of an answer whose body is not needed; a failing cancel changes nothing. */
async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
