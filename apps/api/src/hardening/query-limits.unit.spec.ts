import {
  buildSchema,
  type FragmentDefinitionNode,
  getIntrospectionQuery,
  getOperationAST,
  Kind,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { RequestRefusedError } from './hardening.errors';
import { DEFAULT_LIST_SIZE, operationCost } from './query-cost';
import { maxDepthRule, noIntrospectionRule, selectionDepth } from './query-depth.rule';
import { assertAffordable } from './query-limits';

const schema = buildSchema(`
  type Query {
    incidents(first: Int! = 20, after: String): IncidentConnection!
    incident(id: ID!): Incident
    tags: [String!]!
  }
  type IncidentConnection { totalCount: Int! pageInfo: PageInfo! edges: [IncidentEdge!]! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type IncidentEdge { cursor: String! node: Incident! }
  type Incident { id: ID! related: Incident domains: [Domain!]! labels: [String!]! }
  type Domain { name: String! owners: [Owner!]! }
  type Owner { name: String! }
`);

function cost(source: string, variables?: Record<string, unknown>): number {
  const document = parse(source);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return operationCost(schema, document, operation, variables);
}

describe('operationCost', () => {
  it('counts one per field; a list of scalars is one field', () => {
    expect(cost('{ incident(id: "1") { id labels } tags }')).toBe(4);
  });

  it('multiplies a list without `first` by the default list size', () => {
    expect(cost('{ incident(id: "1") { domains { name } } }')).toBe(1 + (1 + DEFAULT_LIST_SIZE * 1));
    expect(cost('{ incident(id: "1") { domains { owners { name } } } }')).toBe(
      1 + (1 + DEFAULT_LIST_SIZE * (1 + DEFAULT_LIST_SIZE)),
    );
  });

  it("sizes a connection's edges by its `first`, and not its totalCount or pageInfo", () => {
    expect(
      cost('{ incidents(first: 5) { totalCount pageInfo { hasNextPage } edges { node { id } } } }'),
    ).toBe(1 + 1 + (1 + 1) + (1 + 5 * (1 + 1)));
  });

  it('takes `first` from the variables, the variable default, or the argument default', () => {
    const query = 'query($n: Int! = 7) { incidents(first: $n) { edges { cursor } } }';
    expect(cost(query, { n: 3 })).toBe(1 + 1 + 3);
    expect(cost(query, {})).toBe(1 + 1 + 7);
    expect(cost('query($n: Int) { incidents(first: $n) { edges { cursor } } }', {})).toBe(1 + 1 + 20);
    expect(cost('{ incidents { edges { cursor } } }')).toBe(1 + 1 + 20);
  });

  it('assumes the largest page for a variable it cannot see (subscriptions), and never more', () => {
    expect(cost('query($n: Int) { incidents(first: $n) { edges { cursor } } }')).toBe(1 + 1 + 100);
    // The resolvers refuse first > 100 with BAD_USER_INPUT: the estimate does not pre-empt that answer.
    expect(cost('{ incidents(first: 10000) { edges { cursor } } }')).toBe(1 + 1 + 100);
  });

  it('follows fragments and inline fragments, and leaves introspection free', () => {
    const query = `{ incidents(first: 2) { edges { ...E } } __schema { types { name } } __typename }
      fragment E on IncidentEdge { ... on IncidentEdge { node { id } } }`;
    expect(cost(query)).toBe(1 + (1 + 2 * (1 + 1)));
  });

  it('refuses the costliest operation of a document with QUERY_TOO_COMPLEX and its numbers', () => {
    const document = parse(
      'query Big { incidents(first: 100) { edges { node { domains { owners { name } } } } } }',
    );
    expect.assertions(2);
    try {
      assertAffordable(schema, document, 5000, {});
    } catch (error) {
      const refusal = (error as { originalError?: unknown }).originalError;
      expect(refusal).toBeInstanceOf(RequestRefusedError);
      expect(refusal).toMatchObject({ code: 'QUERY_TOO_COMPLEX', details: { maxCost: 5000 } });
    }
  });
});

describe('the depth rule', () => {
  const errorsOf = (source: string, maxDepth: number) =>
    validate(schema, parse(source), [...specifiedRules, maxDepthRule(maxDepth)]);

  it('measures nesting through fragments, not counting introspection', () => {
    const document = parse(`{ incident(id: "1") { ...R } __schema { types { fields { name } } } }
      fragment R on Incident { related { related { id } } }`);
    const fragment = (name: string) =>
      document.definitions.find(
        (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name,
      );
    const operation = getOperationAST(document);
    expect(selectionDepth(operation?.selectionSet, fragment)).toBe(4);
  });

  it('refuses a deeper operation with QUERY_TOO_DEEP, and lets one at the limit through', () => {
    const query = 'query Deep { incident(id: "1") { related { related { id } } } }';
    expect(errorsOf(query, 4)).toEqual([]);
    const [error] = errorsOf(query, 3);
    expect(error?.extensions).toEqual({ code: 'QUERY_TOO_DEEP', depth: 4, maxDepth: 3 });
    expect(error?.message).toBe('Operation "Deep" nests fields 4 levels deep; at most 3 are allowed');
  });

  it("lets GraphiQL's introspection query through any limit", () => {
    expect(errorsOf(getIntrospectionQuery({ inputValueDeprecation: true }), 1)).toEqual([]);
  });
});

describe('the introspection rule (production mode)', () => {
  it('refuses __schema and __type with INTROSPECTION_DISABLED, and allows __typename', () => {
    const errors = validate(schema, parse('{ __typename __type(name: "Query") { name } }'), [
      noIntrospectionRule,
    ]);
    expect(errors.map((e) => e.extensions['code'])).toEqual(['INTROSPECTION_DISABLED']);
    expect(validate(schema, parse(getIntrospectionQuery()), [noIntrospectionRule])).toHaveLength(1);
  });
});
