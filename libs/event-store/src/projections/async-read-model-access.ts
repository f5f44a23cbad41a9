import { Client, type ClientConfig } from 'pg';
import type { ReadModelSql } from '../read-model/read-model-sql';
import { READ_MODEL_CHANNEL, type AsyncProjectionRunner } from './async-projection-runner';
import type { ProjectionStatus } from './projection';
import type { ReadModelAccess } from './read-model-access';

/** How often a waiter re-reads the checkpoints when no notification arrives (a missed NOTIFY only delays). */
const FALLBACK_POLL_MS = 25;

/**
 * Read-your-writes when the projections run elsewhere (a worker process): a mutation's answer waits
 * until every checkpoint has reached its append's position. Checkpoints are re-read when a runner
 * announces a commit (PostgreSQL LISTEN) and on a short timer; one read serves all waiters.
 */
export class AsyncReadModelAccess implements ReadModelAccess {
  private readonly waiters = new Set<{ position: bigint; resolve: () => void }>();
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly runner: AsyncProjectionRunner,
    private readonly listenConfig: ClientConfig | null,
  ) {}

  get sql(): ReadModelSql {
    return this.runner.sql;
  }

  status(): Promise<ProjectionStatus[]> {
    return this.runner.status();
  }

  async start(): Promise<void> {
    if (!this.listenConfig) return;
    const listener = new Client({ ...this.listenConfig, keepAlive: true });
    listener.on('notification', () => void this.check());
    // A lost listener only makes waits fall back to the timer.
    listener.on('error', () => undefined);
    await listener.connect();
    await listener.query(`LISTEN ${READ_MODEL_CHANNEL}`);
    this.listener = listener;
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters.clear();
    await this.listener?.end().catch(() => undefined);
  }

  async waitFor(position: bigint, timeoutMs = 5000): Promise<void> {
    if (position === 0n || (await this.lowestCheckpoint()) >= position) return;
    await new Promise<void>((resolve) => {
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(deadline);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      const deadline = setTimeout(waiter.resolve, timeoutMs);
      this.waiters.add(waiter);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer || this.waiters.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.check();
    }, FALLBACK_POLL_MS);
  }

  private async check(): Promise<void> {
    if (this.checking || this.waiters.size === 0) return;
    this.checking = true;
    try {
      const reached = await this.lowestCheckpoint();
      for (const waiter of [...this.waiters]) if (reached >= waiter.position) waiter.resolve();
    } catch {
      // The next poll retries; a waiter's deadline bounds the wait.
    } finally {
      this.checking = false;
      this.schedule();
    }
  }

  private async lowestCheckpoint(): Promise<bigint> {
    const status = await this.runner.status();
    return (
      status.reduce<bigint | null>(
        (low, { checkpoint }) => (low === null || checkpoint < low ? checkpoint : low),
        null,
      ) ?? 0n
    );
  }
}
