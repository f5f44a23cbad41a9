import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The third-party reference data tests read (../shared/data beside the checkout, or
 * DNSCC_SHARED_DATA). It is never copied into the project; tests that need it skip when absent.
 */
export const SHARED_DATA_DIR = resolve(
  process.env.DNSCC_SHARED_DATA ?? join(__dirname, '..', '..', '..', 'shared', 'data'),
);

export const hasSharedData = existsSync(join(SHARED_DATA_DIR, 'SOURCES.md'));

/** Path of a file under the shared data directory. */
export function sharedDataPath(...parts: string[]): string {
  return join(SHARED_DATA_DIR, ...parts);
}

/**
 * `describe` when the shared data is present, else a skipped block whose name says why, so a
 * missing folder shows up in the report instead of silently passing.
 */
export function describeWithSharedData(name: string, body: () => void): void {
  if (hasSharedData) {
    describe(name, body);
    return;
  }
  // The body is not run at all: suites read the data while they are being defined.
  describe(name, () => {
    it.skip(`skipped: reference data not found at ${SHARED_DATA_DIR} (set DNSCC_SHARED_DATA)`, () =>
      undefined);
  });
}
