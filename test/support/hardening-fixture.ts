import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildClientSchema,
  type FragmentDefinitionNode,
  getIntrospectionQuery,
  getOperationAST,
  type GraphQLSchema,
  type IntrospectionQuery,
  Kind,
  parse,
} from 'graphql';
import { operationCost } from '../../apps/api/src/hardening/query-cost';
import { selectionDepth } from '../../apps/api/src/hardening/query-depth.rule';
import * as directoryOperations from './directory-operations';
import type { GraphqlClient } from './graphql-client';
import * as incidentOperations from './incident-operations';
import * as slaOperations from './sla-operations';

/** The answer to a raw HTTP request: status, headers and the JSON body (null when there is none). */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  } | null;
}

/** POSTs `body` (JSON unless a string) to /graphql, as a browser or any HTTP client would. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text === '' ? null : (JSON.parse(text) as RawAnswer['body']);
  return { status: response.status, headers: response.headers, body: json };
}

export const bearer = (token: string | null): Record<string, string> => ({
  authorization: `Bearer ${token ?? ''}`,
});

/** The schema as a client sees it, through GraphiQL's own introspection query. */
export async function introspectedSchema(api: GraphqlClient): Promise<GraphQLSchema> {
  const data = await api.expectData<IntrospectionQuery>(
    getIntrospectionQuery({ inputValueDeprecation: true }),
  );
  return buildClientSchema(data);
}

/**
 * Every operation a newcomer or a client of this project sends: the README's examples and the
 * operations of the e2e suites (test/support/*-operations.ts), with their names.
 */
export function documentedOperations(): { name: string; source: string }[] {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const fromReadme = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((match, block) =>
    (match[1] ?? '')
      .split(/\n(?=mutation |query |subscription )/)
      .map((source, n) => ({ name: `README block ${block + 1}, operation ${n + 1}`, source: source.trim() })),
  );
  const fromSuites = [incidentOperations, directoryOperations, slaOperations].flatMap((operations) =>
    Object.entries(operations)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .filter(([, source]) => /^(query|mutation|subscription)\b/.test(source.trim()))
      .map(([name, source]) => ({ name, source })),
  );
  return [...fromReadme, ...fromSuites];
}

/**
 * Depth and the worst cost of an operation as the server reckons them, with the largest page for
 * any `$first` (placeholders such as `<id>` are only text in string literals).
 */
export function depthAndCost(schema: GraphQLSchema, source: string): { depth: number; cost: number } {
  const document = parse(source);
  const operation = getOperationAST(document);
  if (!operation) throw new Error(`no single operation in ${source}`);
  const fragment = (name: string) =>
    document.definitions.find(
      (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name,
    );
  return {
    depth: selectionDepth(operation.selectionSet, fragment),
    cost: operationCost(schema, document, operation, { first: 100 }),
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
