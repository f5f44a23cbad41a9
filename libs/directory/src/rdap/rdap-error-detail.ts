/**
 * Reads errors by shape, not `instanceof`: errors from fetch (undici) and node:fs can come from
 * another realm (jest's vm context), where `instanceof Error` is false.
 */
export function propertyOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  const message = propertyOf(error, 'message');
  return typeof message === 'string' ? message : String(error);
}
