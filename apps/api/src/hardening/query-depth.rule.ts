import {
  type ASTNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { introspectionDisabled, queryTooDeep, type RequestRefusedError } from './hardening.errors';

/** Introspection fields are left to graphql-js' own MaxIntrospectionDepthRule (in specifiedRules). */
export const isIntrospectionField = (name: string): boolean => name.startsWith('__');

/**
 * How many levels of fields a selection set nests, through fragments; `{ a { b } }` is 2.
 * Introspection fields count for nothing, so GraphiQL's introspection query always fits.
 */
export function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragment: (name: string) => FragmentDefinitionNode | undefined,
  visiting: ReadonlySet<string> = new Set(),
  // Each fragment's depth is computed once: a chain of fragments spreading the next twice would
  // otherwise cost time doubling with every link.
  known: Map<string, number> = new Map(),
): number {
  let deepest = 0;
  for (const selection of selectionSet?.selections ?? []) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      if (isIntrospectionField(selection.name.value)) continue;
      depth = 1 + selectionDepth(selection.selectionSet, fragment, visiting, known);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(selection.selectionSet, fragment, visiting, known);
    } else {
      const name = selection.name.value;
      const definition = fragment(name);
      // A cycle is NoFragmentCyclesRule's to report; here it adds nothing.
      if (definition === undefined || visiting.has(name)) continue;
      depth =
        known.get(name) ??
        selectionDepth(definition.selectionSet, fragment, new Set([...visiting, name]), known);
      known.set(name, depth);
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** The refusal as a validation error: located at `node`, carrying its code for the formatter. */
export const asGraphqlError = (refusal: RequestRefusedError, node?: ASTNode): GraphQLError =>
  new GraphQLError(refusal.message, {
    nodes: node ?? null,
    originalError: refusal,
    extensions: { ...refusal.details, code: refusal.code },
  });

/** Refuses an operation nesting more than `maxDepth` levels of fields (QUERY_TOO_DEEP). */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const depth = selectionDepth(operation.selectionSet, (name) => context.getFragment(name) ?? undefined);
      if (depth > maxDepth) {
        const name = operation.name ? `Operation "${operation.name.value}"` : 'The operation';
        context.reportError(asGraphqlError(queryTooDeep(name, depth, maxDepth), operation));
      }
      return false;
    },
  });
}

/** In production mode without GRAPHQL_INTROSPECTION=true: `__schema` and `__type` are refused. */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(field) {
    const name = field.name.value;
    if (name === '__schema' || name === '__type') {
      context.reportError(asGraphqlError(introspectionDisabled(name), field));
    }
  },
});
