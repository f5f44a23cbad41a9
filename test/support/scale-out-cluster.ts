import { Client, type QueryResult, type QueryResultRow } from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/event-store/testing';
import { bootstrapDataDir, DnsccServer, newDataDir } from './dnscc-server';
import { RedisTestServer } from './redis-server';
import { WorkerProcess } from './worker-process';

/**
 * The scaled-out topology as processes: api and worker replicas of the built app on one PostgreSQL
 * database (events and read models) and one Redis, each replica with its own data directory.
 */
export class ScaleOutCluster {
  private constructor(
    readonly database: TestDatabase,
    readonly redis: RedisTestServer,
    readonly env: NodeJS.ProcessEnv,
    readonly token: string,
    readonly apis: DnsccServer[],
    readonly workers: WorkerProcess[],
  ) {}

  static async start(replicas: { apis: number; workers: number }): Promise<ScaleOutCluster> {
    const database = await createTestDatabase();
    const redis = await RedisTestServer.start();
    const env = {
      EVENT_STORE: 'postgres',
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      RDAP_ENABLED: 'false',
      PROJECTION_LEASE_RETRY_MS: '200',
      RATE_LIMIT_PER_MINUTE: '0',
    };
    const token = bootstrapDataDir(newDataDir(), env);
    const workers = await Promise.all(
      Array.from({ length: replicas.workers }, () => WorkerProcess.start(newDataDir(), env)),
    );
    const apis = await Promise.all(
      Array.from({ length: replicas.apis }, () =>
        DnsccServer.start({ env: { ...env, ROLE: 'api' }, bootstrap: false }),
      ),
    );
    return new ScaleOutCluster(database, redis, env, token, apis, workers);
  }

  /** The pid of the process holding a lease (`projection:incidents`) in this database, from PostgreSQL's lock table. */
  async leaseHolder(name: string): Promise<number | null> {
    const { rows } = await this.query<{ application_name: string }>(
      // A bigint advisory key shows as its high (classid) and low (objid) 32 bits.
      `WITH k AS (SELECT hashtextextended($1, 0) AS h)
       SELECT a.application_name FROM k, pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND l.classid = ((k.h >> 32) & 4294967295)::oid AND l.objid = (k.h & 4294967295)::oid`,
      [`dnscc:${name}`],
    );
    const holder = rows[0]?.application_name.match(/^dnscc-lease:(\d+)$/);
    return holder ? Number(holder[1]) : null;
  }

  async query<Row extends QueryResultRow>(text: string, values: unknown[] = []): Promise<QueryResult<Row>> {
    const client = new Client({ connectionString: this.database.url });
    await client.connect();
    try {
      return await client.query<Row>(text, values);
    } finally {
      await client.end();
    }
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.apis.map((api) => api.dispose()), ...this.workers.map((w) => w.stop())]);
    await this.redis.stop();
    await this.database.drop();
  }
}
