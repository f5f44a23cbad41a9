import type { Database } from 'better-sqlite3';
import type { EventStore, RecordedEvent, Subscription } from '@app/event-store';

const DDL = `CREATE TABLE IF NOT EXISTS process_checkpoint (
  name TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) STRICT;`;

/**
 * Where a process manager got to in the global log. Stored after each event it handled, so a
 * restart redoes at most that one event; process managers are idempotent for exactly that reason.
 */
export class ProcessCheckpoint {
  constructor(
    private readonly database: Database,
    private readonly name: string,
  ) {
    database.exec(DDL);
  }

  read(): bigint {
    const row = this.database
      .prepare('SELECT position FROM process_checkpoint WHERE name = ?')
      .get(this.name) as { position: number } | undefined;
    return BigInt(row?.position ?? 0);
  }

  write(position: bigint): void {
    this.database
      .prepare(
        'INSERT INTO process_checkpoint (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
      )
      .run(this.name, position);
  }
}

/**
 * Follows the global log from a process manager's checkpoint, handing it each event of `eventTypes`
 * and storing the position once the handler is done: a crash redoes at most the event in hand.
 */
export function followLog(
  store: EventStore,
  database: Database,
  name: string,
  eventTypes: readonly string[],
  handle: (event: RecordedEvent) => Promise<void>,
): Subscription {
  const checkpoint = new ProcessCheckpoint(database, name);
  return store.subscribeToAll({ fromPosition: checkpoint.read(), filter: { eventTypes } }, async (event) => {
    await handle(event);
    checkpoint.write(event.position);
  });
}
