import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { prepareQuery } from './prepared-query';

interface Tables {
  item: { id: string; name: string; size: number; kind: string };
}

const db = new Kysely<Tables>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

describe('prepareQuery', () => {
  it('binds each argument wherever the builder used it, and keeps constants', () => {
    const upsert = prepareQuery(2, (id: string, name: string) => {
      const row = { id, name, size: 3, kind: 'fixed' };
      return db
        .insertInto('item')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row));
    });
    expect(upsert.sql).toMatch(/^insert into "item"/);
    expect(upsert.parameters(['a', 'b'])).toEqual(['a', 'b', 3, 'fixed', 'a', 'b', 3, 'fixed']);
    expect(upsert.parameters(['c', 'd'])).toEqual(['c', 'd', 3, 'fixed', 'c', 'd', 3, 'fixed']);
  });

  it('refuses a builder that ignores one of its arguments', () => {
    expect(() =>
      prepareQuery(2, (id: string) => db.selectFrom('item').selectAll().where('id', '=', id)),
    ).toThrow(/not bound/);
  });
});
