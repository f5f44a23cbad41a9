import { Client, type ClientConfig } from 'pg';
import { COMMIT_CHANNEL } from './postgres-statements';

/** A commit up to `position` happened; undefined when it is not known which (after a reconnect). */
export type CommitCallback = (position?: bigint) => void;

/**
 * One dedicated connection per store that LISTENs for appends made by any process. It is opened on the
 * first subscription rather than at open, so a store that only writes holds no extra connection. A lost
 * connection is reopened on the next `listen()` (subscriptions call it whenever they go idle); meanwhile
 * they poll, so a lost notification only delays delivery.
 */
export class CommitListener {
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly onCommit: CommitCallback,
  ) {}

  listen(): void {
    if (this.closed || this.client !== undefined || this.connecting !== undefined) return;
    this.connecting = this.connect().finally(() => {
      this.connecting = undefined;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    // Without an 'error' listener a dropped connection would crash the process.
    client.on('error', () => {
      this.forget(client);
    });
    client.on('end', () => {
      this.forget(client);
    });
    client.on('notification', (message) => {
      if (message.channel !== COMMIT_CHANNEL) return;
      const payload = message.payload ?? '';
      this.onCommit(/^\d{1,19}$/.test(payload) ? BigInt(payload) : undefined);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${COMMIT_CHANNEL}`);
    } catch {
      // Subscriptions keep polling; the next listen() tries again.
      await client.end().catch(() => undefined);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Commits made while no connection was listening were not announced: have everyone look once.
    this.onCommit(undefined);
  }

  private forget(client: Client): void {
    if (this.client === client) this.client = undefined;
  }
}
