import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  valueFromAST,
} from 'graphql';
import { MAX_PAGE_SIZE } from '@app/core';
import { isIntrospectionField } from './query-depth.rule';

/** The size assumed for a list that takes no `first`: incidents' domains, an escalation's clocks… */
export const DEFAULT_LIST_SIZE = 10;

type Variables = Readonly<Record<string, unknown>>;

interface Walk {
  readonly schema: GraphQLSchema;
  readonly variables: Variables | undefined;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Cost of each fragment by page size, computed once per operation. */
  readonly known: Map<string, number>;
  readonly operation: OperationDefinitionNode;
}

/**
 * What an operation may cost to answer, estimated from the document before anything runs: every
 * field costs 1, and a list multiplies the cost of its fields by its size. A connection's `first`
 * (literal, variable, or the argument's default; at most MAX_PAGE_SIZE, which the resolvers enforce)
 * sizes its `edges`; another list with `first` is that size, any other list DEFAULT_LIST_SIZE.
 * Introspection fields are free (graphql-js' MaxIntrospectionDepthRule bounds them). Without
 * `variables` (subscriptions), a `first` from a variable counts as its default, else MAX_PAGE_SIZE.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables?: Variables,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  return selectionCost(
    { schema, variables, fragments, operation, known: new Map() },
    operation.selectionSet,
    root,
  );
}

function selectionCost(
  walk: Walk,
  selectionSet: SelectionSetNode | undefined,
  parent: GraphQLNamedType,
  pageSize?: number,
  visiting: ReadonlySet<string> = new Set(),
): number {
  let total = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      total += fieldCost(walk, selection, parent, pageSize);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      total += selectionCost(walk, selection.selectionSet, type ?? parent, pageSize, visiting);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment || visiting.has(name)) continue; // unknown or cyclic: validation reports it
      const type = walk.schema.getType(fragment.typeCondition.name.value) ?? parent;
      // Once per fragment and page size: re-walking every spread is exponential in a fragment chain.
      const key = `${name}|${String(pageSize)}`;
      const cost =
        walk.known.get(key) ??
        selectionCost(walk, fragment.selectionSet, type, pageSize, new Set([...visiting, name]));
      walk.known.set(key, cost);
      total += cost;
    }
  }
  return total;
}

function fieldCost(walk: Walk, field: FieldNode, parent: GraphQLNamedType, pageSize?: number): number {
  if (isIntrospectionField(field.name.value)) return 0;
  const definition =
    isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
  if (!definition) return 1;
  const type = getNamedType(definition.type);
  if (!isCompositeType(type)) return 1; // a scalar or enum, or a list of them
  const first = firstArgument(walk, field, definition);
  const isList = isListType(getNullableType(definition.type));
  const size = isList ? (pageSize ?? first ?? DEFAULT_LIST_SIZE) : 1;
  // A connection (not a list itself, with `first`) hands its page size to its lists (`edges`).
  const childPageSize = isList ? undefined : first;
  return 1 + size * selectionCost(walk, field.selectionSet, type, childPageSize);
}

/** The page size `first` asks for, or undefined when the field takes no `first`. */
function firstArgument(
  walk: Walk,
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
): number | undefined {
  const argument = definition.args.find((arg) => arg.name === 'first');
  if (!argument) return undefined;
  const node = field.arguments?.find((arg) => arg.name.value === 'first')?.value;
  let value: unknown = argument.defaultValue;
  if (node?.kind === Kind.VARIABLE) {
    const name = node.name.value;
    const given = walk.variables?.[name];
    const declared = walk.operation.variableDefinitions?.find((v) => v.variable.name.value === name);
    const fallback = walk.variables === undefined ? MAX_PAGE_SIZE : argument.defaultValue;
    value =
      given ??
      (declared?.defaultValue ? valueFromAST(declared.defaultValue, argument.type) : undefined) ??
      fallback;
  } else if (node) {
    value = valueFromAST(node, argument.type);
  }
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(Math.max(Math.trunc(value), 0), MAX_PAGE_SIZE)
    : MAX_PAGE_SIZE;
}
