import { rmSync, writeFileSync } from 'node:fs';
import { EmbeddedRedisError } from './redis.errors';
import { isProcessAlive, readPidFile, sleep } from './redis-server-process';

/**
 * Runs `work` holding `lockFile` (created with O_EXCL, holding our pid), so that two processes, or
 * two calls in one process, never both decide to start a redis-server on the same files. A lock
 * whose holder has died is taken over.
 */
export async function withStartLock<T>(
  lockFile: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  await acquire(lockFile, timeoutMs);
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

async function acquire(lockFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let unreadableSince: number | undefined;
  for (;;) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readPidFile(lockFile);
    // An empty file is a holder between creating and writing it; only a lasting one is stale.
    unreadableSince = holder === undefined ? (unreadableSince ?? Date.now()) : undefined;
    const stale =
      holder === undefined ? Date.now() - (unreadableSince ?? Date.now()) > 2_000 : !isProcessAlive(holder);
    if (stale) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new EmbeddedRedisError(
        `Process ${holder ?? '?'} has been starting Redis for this data directory for over ${timeoutMs / 1000} s ` +
          `(${lockFile}); if it is gone, remove that file.`,
      );
    }
    await sleep(25);
  }
}
