import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ReferenceDataUnavailableError } from './reference-data.errors';

/** A file of the import source: its label (relative path, or the URL fetched) and its text. */
export interface ReferenceFile {
  readonly file: string;
  readonly text: string;
}

/** Where reference files come from: a directory or an http(s) base URL. */
export interface ReferenceFileSource {
  readonly from: string;
  /** The file at `relativePath` (`/`-separated), or null when the source has no such file. */
  read(relativePath: string): Promise<ReferenceFile | null>;
}

export interface ReferenceFileSourceOptions {
  /** Per-request limit for URL sources; default 30 s. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Opens `from` as an http(s) base URL when it has that scheme, else as a directory path.
 *
 * @throws ReferenceDataUnavailableError for another URL scheme or a path that is not a directory.
 */
export async function openReferenceFileSource(
  from: string,
  options: ReferenceFileSourceOptions = {},
): Promise<ReferenceFileSource> {
  if (/^https?:\/\//i.test(from)) return urlSource(from, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(from)) {
    throw new ReferenceDataUnavailableError(from, 'only a directory or an http(s) base URL can be read');
  }
  const isDirectory = await stat(from).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (!isDirectory) throw new ReferenceDataUnavailableError(from, 'is not a directory');
  return directorySource(from);
}

function directorySource(directory: string): ReferenceFileSource {
  return {
    from: directory,
    async read(relativePath) {
      try {
        return {
          file: relativePath,
          text: await readFile(join(directory, ...relativePath.split('/')), 'utf8'),
        };
      } catch (error) {
        const code = property(error, 'code');
        if (code === 'ENOENT' || code === 'ENOTDIR') return null;
        throw new ReferenceDataUnavailableError(
          directory,
          `cannot read ${relativePath}: ${messageOf(error)}`,
        );
      }
    },
  };
}

/** 404 and 410 mean "no such file" (the file is optional); any other non-2xx status is an error. */
function urlSource(baseUrl: string, timeoutMs: number): ReferenceFileSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    from: baseUrl,
    async read(relativePath) {
      const url = new URL(relativePath, base).href;
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
      } catch (error) {
        throw new ReferenceDataUnavailableError(url, fetchFailure(error, timeoutMs));
      }
      if (response.status === 404 || response.status === 410) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new ReferenceDataUnavailableError(
          url,
          `GET answered HTTP ${response.status} ${response.statusText}`,
        );
      }
      try {
        return { file: url, text: await response.text() };
      } catch (error) {
        throw new ReferenceDataUnavailableError(url, fetchFailure(error, timeoutMs));
      }
    },
  };
}

function fetchFailure(error: unknown, timeoutMs: number): string {
  if (property(error, 'name') === 'TimeoutError') return `GET timed out after ${timeoutMs / 1000} s`;
  const cause = property(error, 'cause');
  return `GET failed (${messageOf(error)}${cause === undefined ? '' : `: ${messageOf(cause)}`})`;
}

/**
 * Errors from Node's fs and fetch may come from another realm (jest's vm sandbox, worker
 * threads), where `instanceof Error` is false; their fields are read without it.
 */
function property(error: unknown, key: 'code' | 'name' | 'message' | 'cause'): unknown {
  return typeof error === 'object' && error !== null && key in error
    ? (error as Record<string, unknown>)[key]
    : undefined;
}

function messageOf(error: unknown): string {
  const message = property(error, 'message');
  return typeof message === 'string' ? message : String(error);
}
