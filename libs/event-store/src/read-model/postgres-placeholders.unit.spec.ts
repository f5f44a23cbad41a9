import { toPostgresPlaceholders } from './postgres-placeholders';

describe('toPostgresPlaceholders', () => {
  it('numbers each placeholder in order', () => {
    expect(toPostgresPlaceholders('select * from t where a = ? and b in (?, ?)')).toBe(
      'select * from t where a = $1 and b in ($2, $3)',
    );
  });

  it('leaves question marks inside literals and quoted identifiers alone', () => {
    expect(toPostgresPlaceholders(`select '?' as "why?" from t where a = ?`)).toBe(
      `select '?' as "why?" from t where a = $1`,
    );
  });

  it('handles doubled quotes inside a literal', () => {
    expect(toPostgresPlaceholders(`select 'it''s ?' where x = ?`)).toBe(`select 'it''s ?' where x = $1`);
  });
});
