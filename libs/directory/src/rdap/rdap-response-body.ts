/** A body read to its end, or the news that it is larger than allowed. */
export type CappedBody = { readonly kind: 'read'; readonly text: string } | { readonly kind: 'too_large' };

/**
 * Read a fetch response body as UTF-8 text, stopping once it passes `maxBytes`: a misbehaving or
 * hostile server could otherwise stream without end into memory. Content-Length is checked first
 * so an honest oversized answer is refused without reading it.
 */
export async function readBodyWithin(response: Response, maxBytes: number): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return { kind: 'too_large' };
  }
  if (response.body === null) return { kind: 'read', text: '' };
  // lib.dom types leave fetch bodies as ReadableStream<any>; undici streams bytes.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { kind: 'too_large' };
    }
    chunks.push(value);
  }
  return { kind: 'read', text: new TextDecoder('utf-8').decode(Buffer.concat(chunks)) };
}
