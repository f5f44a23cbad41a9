import fc from 'fast-check';
import { errorsOf, type Exchange } from './hostile-oracle';
import { type Credentials, graphqlRequest, type HostileRequest } from './hostile-request';
import { HOSTILE_STRINGS } from './hostile-values';

/** Hostile Authorization headers: missing, malformed, near misses of the real token, oversized. */

const ME = '{ me { tokenId } }';

/** Header values fetch can send: tab, printable ASCII and Latin-1 (it refuses other control characters). */
const headerSafe = (text: string): string =>
  Array.from(text)
    .filter((c) => /[\t\x20-\x7e\x80-\xff]/.test(c))
    .join('');

/**
 * Authorization headers that are not the coordinator's token (flagged `valid: false`) and a few
 * spellings of it that the API accepts (`valid: true`).
 */
export const authorizationHeaders = (
  token: string,
): fc.Arbitrary<{ header: string | null; valid: boolean }> => {
  const invalid = fc
    .oneof(
      fc.constantFrom(
        '',
        'Bearer',
        'Bearer ',
        'bearer',
        'Basic YTpi',
        'Token abc',
        'Bearer dnscc_',
        'Bearer null',
        'Bearer undefined',
      ),
      fc
        .string({
          unit: fc.constantFrom(
            ...Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'),
          ),
          minLength: 1,
          maxLength: 60,
        })
        .map((s) => `Bearer dnscc_${s}`),
      fc
        .nat(token.length - 1)
        .map((i) => `Bearer ${token.slice(0, i)}${token[i] === 'a' ? 'b' : 'a'}${token.slice(i + 1)}`),
      fc.constantFrom(
        token,
        `Bearer ${token}x`,
        `Bearer ${token.slice(0, -1)}`,
        `Bearer ${token.toUpperCase()}`,
        `Bearer dnscc_${token}`,
        `Bearer ${token},Bearer x`,
        `Bearer ${token} x`,
      ),
      fc.integer({ min: 100, max: 20_000 }).map((n) => `Bearer dnscc_${'x'.repeat(n)}`),
      fc.constantFrom(...HOSTILE_STRINGS).map((s) => headerSafe(`Bearer ${s}`)),
      fc.string({ unit: 'binary-ascii', maxLength: 40 }).map(headerSafe),
    )
    .filter(
      (header) => !/^bearer\s+\S+\s*$/i.test(header) || header.replace(/^bearer\s+/i, '').trim() !== token,
    )
    .map((header): { header: string | null; valid: boolean } => ({ header, valid: false }));
  return fc.oneof(
    { weight: 8, arbitrary: invalid },
    { weight: 1, arbitrary: fc.constant({ header: null, valid: false }) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(`Bearer  ${token}`, `bearer ${token}`, `Bearer ${token} `, `BEARER\t${token}`)
        .map((header) => ({ header, valid: true })),
    },
  );
};

/** An invalid token is refused with 401 UNAUTHENTICATED (or 431 when the header is too large to read). */
const refusedAsUnauthenticated = (exchange: Exchange): string[] => {
  const codes = (errorsOf(exchange.json) ?? []).map((e) => e.extensions?.code);
  if (exchange.status === 431) return [];
  return exchange.status === 401 && codes.length === 1 && codes[0] === 'UNAUTHENTICATED'
    ? []
    : [
        `an invalid token must get HTTP 401 UNAUTHENTICATED, got HTTP ${exchange.status} ${JSON.stringify(codes)}`,
      ];
};

/** A valid report (or a read) with every kind of Authorization header. */
export const authentication = (token: string): fc.Arbitrary<HostileRequest> =>
  fc
    .tuple(authorizationHeaders(token), fc.constantFrom(ME, 'report'))
    .map(([{ header, valid }, operation]) => {
      const credentials: Credentials = header === null ? { as: 'none' } : { header };
      const options = { credentials, ...(valid ? {} : { expect: refusedAsUnauthenticated }) };
      return operation === ME
        ? graphqlRequest('me with a hostile Authorization', ME, {}, options)
        : graphqlRequest(
            'reportIncident with a hostile Authorization',
            'mutation R($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id } } }',
            { input: { domains: ['auth-probe.example.com'], category: 'SPAM', description: 'probe' } },
            { ...options, writes: 'reportIncident' },
          );
    });
