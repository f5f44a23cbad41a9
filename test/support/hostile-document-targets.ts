import fc from 'fast-check';
import { graphqlRequest, HostileRequest } from './hostile-request';
import { HOSTILE_STRINGS, hostileString } from './hostile-values';

/**
 * Hostile GraphQL documents: syntax errors, nesting and alias bombs, fragment cycles, wrong
 * directives and variable types, deep literals, broken escapes. All read-only.
 */

const VALID = [
  '{ me { tokenId member { name role } } }',
  'query Q($id: ID!) { incident(id: $id) { id } }',
  '{ incidents(first: 5) { totalCount edges { node { id domains { name } } } } }',
  '{ organisations(first: 3) { edges { node { id contacts { email } } } } }',
  '{ route(domain: "login-paypa1.example.com") { chain { role name } } }',
];

const repeat = (n: number, f: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => f(i)).join(' ');

const templates: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 50_000 }).map((n) => '{'.repeat(n)),
  fc.integer({ min: 1, max: 5_000 }).map((n) => `${'{ me '.repeat(n)}${'}'.repeat(n)}`),
  fc
    .integer({ min: 1, max: 300 })
    .map(
      (n) => `{ __schema { types { ${'fields { type { ofType { '.repeat(n)}name${' } } }'.repeat(n)} } } }`,
    ),
  fc
    .integer({ min: 1, max: 400 })
    .map(
      (n) =>
        `{ ${'incidents { edges { node { '.repeat(1)}${'comments { author { kind } } '.repeat(n)}} } } }`,
    ),
  fc.integer({ min: 1, max: 5_000 }).map((n) => `{ ${repeat(n, (i) => `a${i}: me { tokenId }`)} }`),
  fc.integer({ min: 1, max: 3_000 }).map((n) => `{ me { ${'tokenId '.repeat(n)}} }`),
  fc
    .integer({ min: 1, max: 200 })
    .map(
      (n) =>
        `{ ${repeat(n, (i) => `i${i}: incidents(first: 100) { edges { node { id timeline { type } } } }`)} }`,
    ),
  // Fragments spreading the next one twice: 2^n fields once expanded, from a document of n lines.
  fc
    .integer({ min: 2, max: 24 })
    .map(
      (n) =>
        `${repeat(n, (i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`)} fragment F${n} on Query { me { tokenId } } { ...F0 }`,
    ),
  fc.constant('fragment A on Query { ...B } fragment B on Query { ...A } { ...A }'),
  fc.constant('{ ...Missing }'),
  fc.constant('{ me @skip(if: "yes") { tokenId } }'),
  fc.constant('{ me @include(if: $undefined) { tokenId } }'),
  fc.constant('{ me @evil { tokenId } }'),
  fc.integer({ min: 1, max: 2_000 }).map((n) => `{ me ${'@skip(if: false) '.repeat(n)}{ tokenId } }`),
  fc.constant('query Q($id: Int) { incident(id: $id) { id } }'),
  fc.constant('query Q($id: Unknown) { incident(id: $id) { id } }'),
  fc.constant('query Q($id: ID! = 5) { incident(id: $id) { id } }'),
  fc.constant('query Q($x: [[[[String]]]]) { me { tokenId } }'),
  fc.constant('subscription { myEscalationsChanged { id } }'),
  fc.constant('subscription S { incidentUpdated(id: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b") { id } }'),
  fc.constant('mutation { }'),
  fc.constant('mutation { __typename }'),
  fc.constant('{ __typename __schema { queryType { name } } }'),
  hostileString.map((name) => `{ __type(name: ${JSON.stringify(name)}) { name fields { name } } }`),
  fc
    .integer({ min: 1, max: 20_000 })
    .map((n) => `{ incident(id: ${'['.repeat(n)}"x"${']'.repeat(n)}) { id } }`),
  fc
    .integer({ min: 1, max: 10_000 })
    .map((n) => `{ incidents(filter: ${'{tld: '.repeat(n)}"fr"${'}'.repeat(n)}) { totalCount } }`),
  fc
    .constantFrom('\\u{1F600}', '\\ud800', '\\uZZZZ', '\\x41', '\\', '\\u0000', '\\uDBFF\\uDFFF')
    .map((escape) => `{ route(domain: "a${escape}.com") { domain } }`),
  hostileString.map((s) => `{ route(domain: """${s}""") { domain } }`),
  hostileString.map((s) => `{ me { tokenId } } # ${s}`),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom(...Array.from('{}[]()!$@.:=,|&"#\n query mutation fragment on ...')),
    maxLength: 80,
  }),
);

/** A valid document with something hostile inserted somewhere. */
const mutated: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...VALID),
    fc.nat(),
    fc.oneof(
      fc.constantFrom('{', '}', '"', '$', '@', '...Array.from(', ')\u0000', '\ufeff', '#'),
      hostileString,
    ),
  )
  .map(([document, at, junk]) => {
    const i = at % (document.length + 1);
    return `${document.slice(0, i)}${junk}${document.slice(i)}`;
  });

export const documents = (): fc.Arbitrary<HostileRequest> =>
  fc
    .tuple(
      fc.oneof(
        { weight: 3, arbitrary: templates },
        { weight: 2, arbitrary: mutated },
        { weight: 1, arbitrary: fc.constantFrom(...VALID) },
      ),
      fc.option(hostileString, { nil: undefined }),
      fc.option(fc.dictionary(fc.string({ maxLength: 4 }), hostileString, { maxKeys: 3 }), {
        nil: undefined,
      }),
    )
    .map(([query, operationName, variables]) => {
      const request = graphqlRequest(
        'document',
        query,
        variables ?? { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' },
      );
      if (operationName === undefined) return request;
      const body = `{"query":${JSON.stringify(query)},"operationName":${JSON.stringify(operationName)},"variables":{}}`;
      return new HostileRequest('document with operationName', 'POST', '/graphql', request.headers, body);
    });
