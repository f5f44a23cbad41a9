import { ConfigError, graphiqlEnabled, introspectionEnabled, loadConfig } from '@app/core';

describe('hardening settings', () => {
  it('has limits on by default', () => {
    expect(loadConfig({})).toMatchObject({
      GRAPHQL_MAX_DEPTH: 12,
      GRAPHQL_MAX_COST: 20_000,
      RATE_LIMIT_PER_MINUTE: 600,
      RATE_LIMIT_BURST: 500,
      CORS_ORIGINS: [],
    });
  });

  it('turns GraphiQL and introspection off in production mode, unless enabled explicitly', () => {
    const development = loadConfig({});
    expect([graphiqlEnabled(development), introspectionEnabled(development)]).toEqual([true, true]);
    const production = loadConfig({ NODE_ENV: 'production' });
    expect([graphiqlEnabled(production), introspectionEnabled(production)]).toEqual([false, false]);
    const enabled = loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true', GRAPHQL_INTROSPECTION: '1' });
    expect([graphiqlEnabled(enabled), introspectionEnabled(enabled)]).toEqual([true, true]);
    const off = loadConfig({ NODE_ENV: 'test', GRAPHIQL: 'false', GRAPHQL_INTROSPECTION: 'false' });
    expect([graphiqlEnabled(off), introspectionEnabled(off)]).toEqual([false, false]);
  });

  it('reads CORS_ORIGINS as a comma-separated list of exact origins', () => {
    const config = loadConfig({ CORS_ORIGINS: ' https://portal.cert.example, http://localhost:5173 ,' });
    expect(config.CORS_ORIGINS).toEqual(['https://portal.cert.example', 'http://localhost:5173']);
    for (const bad of ['portal.cert.example', 'https://portal.cert.example/', '*', 'ftp://x.example']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(ConfigError);
    }
  });

  it('refuses limits that make no sense', () => {
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(/GRAPHQL_MAX_DEPTH/);
    expect(() => loadConfig({ RATE_LIMIT_BURST: '0' })).toThrow(/RATE_LIMIT_BURST/);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }).RATE_LIMIT_PER_MINUTE).toBe(0);
  });
});
