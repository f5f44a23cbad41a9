import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';

/**
 * A Kysely instance that only builds SQL, never connects: read-model code compiles its queries
 * with it and runs them through `ReadModelSql` (or a projection's `SqlProgram`), on either engine.
 * SQLite's compiler is the one dialect; the PostgreSQL executor renumbers its `?` placeholders.
 */
export function readModelQueryBuilder<Tables>(): Kysely<Tables> {
  return new Kysely<Tables>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}
