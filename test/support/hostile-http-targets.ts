import fc from 'fast-check';
import { jsonText } from './hostile-encoding';
import { HostileRequest } from './hostile-request';
import { hostileString, wrongType } from './hostile-values';

/**
 * Hostile requests below the level of one field: whole bodies, content types, methods, query
 * strings, Authorization headers and GraphQL documents. Every operation here is read-only or
 * refused by construction, so an accepted answer stores nothing either.
 */

const ME = '{ me { tokenId } }';
const LIST = 'query L($first: Int) { incidents(first: $first) { totalCount } }';
const VALIDATE =
  'mutation V($i: ReportIncidentInput!) { validateIncidentReport(input: $i) { domains { name } } }';
/** A report whose domain can never be valid: refused whatever else happens to the request. */
const REFUSED_REPORT =
  'mutation { reportIncident(input: {domains: ["exa mple.com"], category: SPAM, description: "x"}) { incident { id } } }';
const DOCUMENTS = [ME, LIST, VALIDATE, REFUSED_REPORT];
const VALID_BODY = JSON.stringify({ query: ME });

/** Bodies that are not a well-formed single GraphQL request. */
const hostileBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.constantFrom(
    '',
    'null',
    '1',
    '"x"',
    'true',
    '[]',
    '[{}]',
    '[[]]',
    '{}',
    '{"query":""}',
    '{"query":null}',
    `\ufeff${VALID_BODY}`,
    `${VALID_BODY} trailing`,
    `${VALID_BODY}${VALID_BODY}`,
    '{"query":"{ me { tokenId } }",}',
    "{'query':'{ me { tokenId } }'}",
    '{"query":"{ me { tokenId } }" // comment\n}',
    '{"query":"{ me { tokenId } }","variables":NaN}',
    '{"query":"{ me { tokenId } }","query":"{ __typename }"}',
    '{"__proto__":{"admin":true},"query":"{ me { tokenId } }"}',
    '{"constructor":{"prototype":{"admin":true}},"query":"{ me { tokenId } }"}',
    '{"query":"{ me { tokenId } }","variables":{"__proto__":{"first":1}}}',
  ),
  fc.tuple(fc.constantFrom(...DOCUMENTS), fc.nat()).map(([query, cut]) => {
    const body = JSON.stringify({ query });
    return body.slice(0, cut % body.length);
  }),
  fc
    .tuple(
      fc.constantFrom(...DOCUMENTS),
      fc.nat(),
      fc.constantFrom('"', '}', '{', ',', '\\', '\u0000', ']', ':'),
    )
    .map(([query, at, junk]) => {
      const body = JSON.stringify({ query });
      const i = at % body.length;
      return `${body.slice(0, i)}${junk}${body.slice(i)}`;
    }),
  fc
    .array(fc.constantFrom(...DOCUMENTS), { minLength: 1, maxLength: 50 })
    .map((qs) => jsonText(qs.map((query) => ({ query })))),
  fc
    .record(
      {
        query: fc.oneof(fc.constantFrom(...DOCUMENTS), wrongType),
        variables: wrongType,
        operationName: wrongType,
        extensions: wrongType,
      },
      { requiredKeys: [] },
    )
    .map(jsonText),
  fc.integer({ min: 2, max: 20_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  fc.integer({ min: 2, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc
    .integer({ min: 270_000, max: 400_000 })
    .map((n) => jsonText({ query: ME, variables: { pad: 'x'.repeat(n) } })),
  fc.uint8Array({ maxLength: 200 }),
  hostileString,
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/graphql',
  'application/graphql-response+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/jsonp',
  '*/*',
  '',
];

const withContentType = (contentType: string): Record<string, string> =>
  contentType === '' ? {} : { 'content-type': contentType };

/** POST bodies of every kind, under every content type. */
const post: fc.Arbitrary<HostileRequest> = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: hostileBody }, { weight: 1, arbitrary: fc.constantFrom(...DOCUMENTS) }),
    fc.constantFrom(...CONTENT_TYPES),
  )
  .map(
    ([body, contentType]) =>
      new HostileRequest('raw POST', 'POST', '/graphql', withContentType(contentType), body, {
        writes: 'reportIncident',
      }),
  );

/** Percent-encodes every byte of the value's UTF-8 form (lone surrogates become U+FFFD, as on the wire). */
const param = (name: string, value: string): string =>
  `${name}=${Array.from(Buffer.from(value, 'utf8'), (byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')}`;

/** Query strings: GraphQL over GET, broken parameters, mutations, very long URLs. */
const get: fc.Arbitrary<HostileRequest> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...DOCUMENTS).map((q) => param('query', q)),
      hostileString.map((q) => param('query', q)),
      fc.oneof(wrongType.map(jsonText), hostileString).map((v) => param('variables', v)),
      fc.oneof(wrongType.map(jsonText), hostileString).map((v) => param('extensions', v)),
      hostileString.map((v) => param('operationName', v)),
      fc.constantFrom(
        'query=%zz',
        'query=%00',
        'variables=%7B',
        '=',
        '&&',
        'query',
        'query[]=x',
        'query[a]=b',
      ),
      fc
        .integer({ min: 1_000, max: 40_000 })
        .map((n) => param('query', `{ me { ${'tokenId '.repeat(n / 8)} } }`)),
    ),
    { maxLength: 4 },
  )
  .map(
    (params) =>
      new HostileRequest(
        'GET',
        'GET',
        `/graphql${params.length > 0 ? `?${params.join('&')}` : ''}`,
        {},
        undefined,
      ),
  );

const otherMethod: fc.Arbitrary<HostileRequest> = fc
  .constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD')
  .map(
    (method) =>
      new HostileRequest(
        method,
        method,
        '/graphql',
        { 'content-type': 'application/json' },
        method === 'HEAD' ? undefined : VALID_BODY,
      ),
  );

export const rawHttp = (): fc.Arbitrary<HostileRequest> =>
  fc.oneof(
    { weight: 6, arbitrary: post },
    { weight: 3, arbitrary: get },
    { weight: 1, arbitrary: otherMethod },
  );
