import type { RdapFetcher, RdapHttpResult } from '../rdap-http.client';

/** An {@link RdapFetcher} answering from a table of URLs (unknown ones: not found), recording each request. */
export class ScriptedRdapFetcher implements RdapFetcher {
  readonly requested: string[] = [];
  private readonly answers = new Map<string, RdapHttpResult>();

  /** Answer `url` with this JSON object. */
  found(url: string, json: unknown): this {
    this.answers.set(url, { kind: 'found', url, body: JSON.stringify(json), json });
    return this;
  }

  failing(url: string, reason: string): this {
    this.answers.set(url, { kind: 'failed', url, reason });
    return this;
  }

  get(url: string): Promise<RdapHttpResult> {
    this.requested.push(url);
    return Promise.resolve(this.answers.get(url) ?? { kind: 'not_found', url });
  }
}
