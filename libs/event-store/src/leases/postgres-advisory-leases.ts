import { Client, type ClientConfig } from 'pg';
import type { Lease, LeaseProvider } from './lease';

/**
 * Leases as PostgreSQL session advisory locks, one connection per lease held. PostgreSQL releases
 * the lock as soon as the holder's session ends, so a killed process loses its leases within the
 * time the server takes to notice the closed socket (at once on the same host; TCP keepalive
 * otherwise), and writes through a fenced checkpoint make a late write from a lost holder harmless.
 */
export class PostgresAdvisoryLeases implements LeaseProvider {
  constructor(private readonly config: ClientConfig) {}

  async tryAcquire(name: string): Promise<Lease | null> {
    const client = new Client({ ...this.config, keepAlive: true });
    let lostResolve: () => void = () => undefined;
    const lost = new Promise<void>((resolve) => {
      lostResolve = resolve;
    });
    let holding = false;
    let releasing = false;
    const markLost = (): void => {
      if (holding && !releasing) {
        holding = false;
        lostResolve();
      }
    };
    client.on('error', markLost);
    client.on('end', markLost);
    await client.connect();
    try {
      const { rows } = await client.query<{ acquired: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS acquired',
        [`dnscc:${name}`],
      );
      holding = rows[0]?.acquired === true;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (!holding) {
      await client.end();
      return null;
    }
    return {
      name,
      lost,
      isHeld: () => holding,
      release: async () => {
        if (!holding) return;
        releasing = true;
        holding = false;
        // Ending the session releases the lock; no unlock round trip needed.
        await client.end().catch(() => undefined);
      },
    };
  }
}
