import { ConfigError, loadConfig } from './load-config';

/** The store settings are checked together: a store without its connection stops the process at start. */
describe('event store settings', () => {
  const problemsOf = (env: NodeJS.ProcessEnv): readonly string[] => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('defaults to the embedded SQLite store with no connection settings', () => {
    const config = loadConfig({});
    expect(config.EVENT_STORE).toBe('sqlite');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PROJECTION_LEASE_RETRY_MS).toBe(1000);
  });

  it('accepts postgres with DATABASE_URL, and eventstoredb with or without it', () => {
    expect(problemsOf({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@db:5432/dnscc' })).toEqual([]);
    expect(
      problemsOf({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://kdb:2113?tls=false' }),
    ).toEqual([]);
    expect(
      problemsOf({
        EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: 'kurrentdb://kdb:2113?tls=false',
        DATABASE_URL: 'postgresql://u@db/dnscc',
      }),
    ).toEqual([]);
  });

  it('names the missing connection setting of the chosen store', () => {
    expect(problemsOf({ EVENT_STORE: 'postgres' })).toEqual([
      'DATABASE_URL="": is required with EVENT_STORE=postgres',
    ]);
    expect(problemsOf({ EVENT_STORE: 'eventstoredb' })).toEqual([
      'EVENTSTORE_CONNECTION_STRING="": is required with EVENT_STORE=eventstoredb',
    ]);
  });

  it('refuses an unknown store, a URL of the wrong scheme and a lease retry out of range', () => {
    expect(problemsOf({ EVENT_STORE: 'mongodb' })).toEqual([
      'EVENT_STORE="mongodb": must be sqlite, postgres or eventstoredb',
    ]);
    expect(problemsOf({ EVENT_STORE: 'postgres', DATABASE_URL: 'mysql://db/dnscc' })[0]).toMatch(
      /^DATABASE_URL="mysql:\/\/db\/dnscc": must start with postgres:\/\//,
    );
    expect(problemsOf({ EVENTSTORE_CONNECTION_STRING: 'http://kdb:2113' })[0]).toMatch(
      /^EVENTSTORE_CONNECTION_STRING=.*esdb:\/\//,
    );
    expect(problemsOf({ PROJECTION_LEASE_RETRY_MS: '10' })[0]).toMatch(/^PROJECTION_LEASE_RETRY_MS="10"/);
  });
});
