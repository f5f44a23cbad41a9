/** A GraphQL enum object built from a domain's closed vocabulary, so the two cannot drift apart. */
export const enumOf = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
