import { type CustomTypesConfig, Pool, type PoolClient, type PoolConfig, types } from 'pg';
import type { PreparedQuery } from '../projections/prepared-query';
import { toPostgresPlaceholders } from './postgres-placeholders';
import type { ReadModelSql } from './read-model-sql';
import { runProgram, type SqlProgram, type SqlQuery, type SqlStep } from './sql-program';

/**
 * Counts and positions come back as int8; SQLite answers them as numbers, so do the same (exact up
 * to 2^53, far beyond any count or log position here).
 */
type TypeParserLookup = CustomTypesConfig['getTypeParser'];

const int8AsNumber: CustomTypesConfig = {
  getTypeParser: (...[oid, format]: Parameters<TypeParserLookup>): unknown =>
    oid === types.builtins.INT8 ? (value: string) => Number(value) : types.getTypeParser(oid, format),
};

interface Queryable {
  query(text: string, values: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** The read model in PostgreSQL: the same Kysely-built queries, over a connection pool. */
export class PostgresReadModelSql implements ReadModelSql {
  readonly dialect = 'postgres' as const;
  private readonly texts = new Map<string, string>();

  constructor(readonly pool: Pool) {}

  static connect(
    connectionString: string,
    options: Omit<PoolConfig, 'connectionString'> = {},
  ): PostgresReadModelSql {
    const pool = new Pool({ connectionString, max: 10, keepAlive: true, ...options, types: int8AsNumber });
    // An idle client whose connection drops emits 'error' on the pool; pg discards it and the next
    // query connects again, so this only keeps the event from crashing the process.
    pool.on('error', () => undefined);
    return new PostgresReadModelSql(pool);
  }

  async all<Row>(query: SqlQuery<Row>): Promise<Row[]> {
    const { sql, parameters } = 'compile' in query ? query.compile() : query;
    return (await this.query(this.pool, sql, parameters)).rows as Row[];
  }

  async first<Row>(query: SqlQuery<Row>): Promise<Row | undefined> {
    return (await this.all(query))[0];
  }

  async run(query: SqlQuery): Promise<number> {
    const { sql, parameters } = 'compile' in query ? query.compile() : query;
    return (await this.query(this.pool, sql, parameters)).rowCount ?? 0;
  }

  async allPrepared<Args extends readonly unknown[], Row>(
    query: PreparedQuery<Args, Row>,
    args: Args,
  ): Promise<Row[]> {
    return (await this.query(this.pool, query.sql, query.parameters(args))).rows as Row[];
  }

  async firstPrepared<Args extends readonly unknown[], Row>(
    query: PreparedQuery<Args, Row>,
    args: Args,
  ): Promise<Row | undefined> {
    return (await this.allPrepared(query, args))[0];
  }

  async runPrepared<Args extends readonly unknown[]>(
    query: PreparedQuery<Args, unknown>,
    args: Args,
  ): Promise<number> {
    return (await this.query(this.pool, query.sql, query.parameters(args))).rowCount ?? 0;
  }

  async transaction<T>(program: () => SqlProgram<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: unknown = undefined;
    try {
      await client.query('BEGIN');
      const result = await runProgram(program(), (step) => this.execute(client, step));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      // A connection that could not even roll back is discarded, not returned to the pool.
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  /**
   * Several processes start at once against one database, and concurrent `CREATE ... IF NOT EXISTS`
   * can still collide; the statements of one simple query share a transaction, so the lock holds.
   */
  async exec(ddl: string): Promise<void> {
    await this.pool.query(`SELECT pg_advisory_xact_lock(hashtext('dnscc:migrations'));\n${ddl}`);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async execute(client: PoolClient, step: SqlStep): Promise<unknown> {
    const result = await this.query(client, step.sql, step.parameters);
    if (step.kind === 'all') return result.rows;
    if (step.kind === 'first') return result.rows[0];
    return result.rowCount ?? 0;
  }

  private query(target: Queryable, sql: string, parameters: readonly unknown[]) {
    let text = this.texts.get(sql);
    if (text === undefined) {
      text = toPostgresPlaceholders(sql);
      this.texts.set(sql, text);
    }
    return target.query(text, parameters.map(toPostgres));
  }
}

/** Read-model columns are integers where SQLite would store booleans; positions travel as text. */
function toPostgres(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return value.toString();
  return value ?? null;
}
