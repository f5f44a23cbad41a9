import type Database from 'better-sqlite3';
import type { AppendResult } from '../event-store.port';
import type { SqliteStatements } from './sqlite-statements';
import { type AppendRequest, type InlineHook, writeAppend } from './sqlite-stream-append';

/** Counters for tests and benchmarks: how well group commit is batching. */
export interface GroupCommitStats {
  /** Transactions committed (one fsync each under synchronous=FULL). */
  readonly commits: number;
  /** Appends acknowledged by those commits. */
  readonly appends: number;
}

interface PendingAppend {
  readonly request: AppendRequest;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome =
  { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

/**
 * Group commit: appends queued in the same turn of the event loop are written in one `BEGIN IMMEDIATE`
 * transaction, so many writers share one fsync. Each append runs in its own savepoint, so one that fails
 * is rolled back and rejected alone; no promise resolves before COMMIT has returned.
 */
export class GroupCommitQueue {
  private pending: PendingAppend[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private flushing = false;
  private commits = 0;
  private appends = 0;
  private readonly begin: Database.Statement<[]>;
  private readonly commit: Database.Statement<[]>;
  private readonly rollback: Database.Statement<[]>;
  private readonly savepoint: Database.Statement<[]>;
  private readonly release: Database.Statement<[]>;
  private readonly rollbackToSavepoint: Database.Statement<[]>;

  constructor(
    private readonly db: Database.Database,
    private readonly statements: SqliteStatements,
    private readonly hooks: readonly InlineHook[],
    private readonly maxBatchSize: number,
    private readonly onCommit: () => void,
  ) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.savepoint = db.prepare('SAVEPOINT append');
    this.release = db.prepare('RELEASE append');
    this.rollbackToSavepoint = db.prepare('ROLLBACK TO append');
  }

  enqueue(request: AppendRequest): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      // A hook that appends while a batch is being written lands here too; the running flush drains it.
      if (this.pending.length >= this.maxBatchSize && !this.flushing) this.flush();
      else this.scheduleFlush();
    });
  }

  /** Writes everything queued, now. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.flushing = true;
    try {
      while (this.pending.length > 0) this.commitBatch(this.pending.splice(0, this.maxBatchSize));
    } finally {
      this.flushing = false;
    }
  }

  stats(): GroupCommitStats {
    return { commits: this.commits, appends: this.appends };
  }

  private scheduleFlush(): void {
    // setImmediate rather than a microtask: writers woken by the same I/O callback all get to enqueue.
    this.scheduled ??= setImmediate(() => {
      this.flush();
    });
  }

  private commitBatch(batch: readonly PendingAppend[]): void {
    const recordedAt = new Date();
    const outcomes: Outcome[] = [];
    try {
      this.begin.run();
      for (const { request } of batch) outcomes.push(this.writeInSavepoint(request, recordedAt));
      this.commit.run();
    } catch (error) {
      this.rollbackIfOpen();
      // Nothing of this batch is stored; appends that had failed on their own keep their own reason.
      batch.forEach((item, index) => {
        const outcome = outcomes[index];
        item.reject(outcome && !outcome.ok ? outcome.error : error);
      });
      return;
    }
    this.commits += 1;
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) {
        this.appends += 1;
        item.resolve(outcome.result);
      } else {
        item.reject(outcome?.error);
      }
    });
    this.onCommit();
  }

  private writeInSavepoint(request: AppendRequest, recordedAt: Date): Outcome {
    this.savepoint.run();
    try {
      const result = writeAppend(this.statements, request, recordedAt, this.hooks);
      this.release.run();
      return { ok: true, result };
    } catch (error) {
      // Some errors (SQLITE_FULL, I/O) make SQLite abandon the whole transaction: fail the batch.
      if (!this.db.inTransaction) throw error;
      this.rollbackToSavepoint.run();
      this.release.run();
      return { ok: false, error };
    }
  }

  private rollbackIfOpen(): void {
    if (!this.db.inTransaction) return;
    try {
      this.rollback.run();
    } catch {
      // The connection is already unusable; the callers are being rejected with the original error.
    }
  }
}
