import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  OperationTypeNode,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { type AppConfig, introspectionEnabled } from '@app/core';
import { queryTooComplex } from './hardening.errors';
import { operationCost } from './query-cost';
import { asGraphqlError, maxDepthRule, noIntrospectionRule } from './query-depth.rule';

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly introspection: boolean;
}

export const queryLimitsOf = (config: AppConfig): QueryLimits => ({
  maxDepth: config.GRAPHQL_MAX_DEPTH,
  maxCost: config.GRAPHQL_MAX_COST,
  introspection: introspectionEnabled(config),
});

/**
 * Depth and introspection are validation rules: static, so Mercurius caches their verdict with the
 * parsed document (valid and invalid alike) and graphql-jit compiles only what passed. The cost
 * depends on `first`, which may be a variable, so it is checked in the `preExecution` hook, which
 * runs for every request, cached or compiled, before anything executes. Mercurius validates no
 * subscription document at all, so `preSubscriptionExecution` runs the full set of rules on it.
 */
export function queryLimitOptions(
  limits: QueryLimits,
): Pick<MercuriusDriverConfig, 'validationRules' | 'hooks'> {
  const rules: ValidationRule[] = [maxDepthRule(limits.maxDepth)];
  if (!limits.introspection) rules.push(noIntrospectionRule);
  return {
    validationRules: rules,
    hooks: {
      preExecution: (schema, document, _context, variables: Record<string, unknown> | undefined) => {
        assertNoSubscription(document);
        assertAffordable(schema, document, limits.maxCost, variables ?? {});
      },
      preSubscriptionExecution: (schema, document) => {
        const [error] = validate(schema, document, [...specifiedRules, ...rules]);
        if (error) throw withCode(error);
        assertAffordable(schema, document, limits.maxCost, undefined);
      },
    },
  };
}

/** Over HTTP a subscription would run as a query and answer nothing useful: it needs graphql-ws. */
function assertNoSubscription(document: DocumentNode): void {
  for (const definition of document.definitions) {
    if (
      definition.kind === Kind.OPERATION_DEFINITION &&
      definition.operation === OperationTypeNode.SUBSCRIPTION
    ) {
      throw new GraphQLError('Subscriptions need a graphql-ws connection to /graphql, not an HTTP request', {
        nodes: definition,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    }
  }
}

/** Throws QUERY_TOO_COMPLEX when any operation of the document is estimated above `maxCost`. */
export function assertAffordable(
  schema: GraphQLSchema,
  document: DocumentNode,
  maxCost: number,
  variables: Readonly<Record<string, unknown>> | undefined,
): void {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const cost = operationCost(schema, document, definition, variables);
    if (cost > maxCost) {
      const name = definition.name ? `Operation "${definition.name.value}"` : 'The operation';
      throw asGraphqlError(queryTooComplex(name, cost, maxCost), definition);
    }
  }
}

/** Subscription errors bypass the formatter: give plain validation errors their code here. */
const withCode = (error: GraphQLError): GraphQLError =>
  typeof error.extensions['code'] === 'string'
    ? error
    : new GraphQLError(error.message, {
        nodes: error.nodes ?? null,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
