import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** `https://host[:port]` exactly as a browser sends it in `Origin`: scheme, host, port, nothing else. */
const isOrigin = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
};

/** Every setting the process reads from its environment, with its default. README's table mirrors it. */
export const configSchema = z
  .object({
    PORT: port.default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    /** sqlite: one file in DATA_DIR (embedded); postgres: DATABASE_URL; eventstoredb: EVENTSTORE_CONNECTION_STRING. */
    EVENT_STORE: z
      .enum(['sqlite', 'postgres', 'eventstoredb'], { error: 'must be sqlite, postgres or eventstoredb' })
      .default('sqlite'),
    /**
     * PostgreSQL for the postgres event store and for read models; with eventstoredb, read models live
     * here when set, else in SQLite under DATA_DIR (one node only).
     */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    /** `esdb://host:2113?tls=false` or `kurrentdb://...`, for EVENT_STORE=eventstoredb. */
    EVENTSTORE_CONNECTION_STRING: z
      .string()
      .regex(
        /^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kdb|kdb\+discover):\/\//,
        'must be an esdb:// or kurrentdb:// connection string',
      )
      .optional(),
    /** How often a standby worker tries to take over a projection or process manager whose holder died. */
    PROJECTION_LEASE_RETRY_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ROLE: z.enum(['all', 'api', 'worker']).default('all'),
    /** Largest accepted HTTP request body. */
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
    /** Evidence content up to this size is stored in the event; larger evidence is recorded by hash only. */
    EVIDENCE_CONTENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(1024 * 1024)
      .default(64 * 1024),
    /** `production` turns on production mode: GraphiQL and introspection off unless enabled below. */
    NODE_ENV: z.string().optional(),
    /** Serve GraphiQL at /graphiql; unset: on, except in production mode (see graphiqlEnabled). */
    GRAPHIQL: flag.optional(),
    /** Answer introspection (`__schema`, `__type`); unset: on, except in production mode. */
    GRAPHQL_INTROSPECTION: flag.optional(),
    /** Deepest nesting of fields an operation may have (introspection fields aside). */
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(12),
    /** Largest estimated cost of an operation: a field costs 1, a list multiplies its subtree by its size. */
    GRAPHQL_MAX_COST: z.coerce.number().int().min(1).max(10_000_000).default(20_000),
    /** Requests per minute each API token may make on average (a token bucket refilled at this rate); 0: no limit. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
    /** Requests an API token may make at once before the per-minute rate applies (the bucket's size). */
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1_000_000).default(500),
    /** Browser origins allowed to call the API cross-origin, comma-separated; unset: same-origin only. */
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin !== ''),
      )
      .pipe(
        z.array(z.string().refine(isOrigin, 'each origin must look like https://host[:port], nothing after')),
      ),
    /** RDAP lookups while routing; off, routing says the registrar is unknown and why. */
    RDAP_ENABLED: flag.default(true),
    /** RFC 9224 bootstrap file: a path or an http(s) URL. */
    RDAP_BOOTSTRAP: z.string().min(1).default('https://data.iana.org/rdap/dns.json'),
    /** Optional extra ccTLD RDAP servers the IANA file lacks (same shape as case/iana-data's supplement). */
    RDAP_BOOTSTRAP_SUPPLEMENT: z.string().min(1).optional(),
    RDAP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /**
     * Redis for the SLA clocks: `redis://[:password@]host:port[/db]` or `unix:///path/to/redis.sock`.
     * Unset: `npm start` runs its own redis-server (AOF persistence) under DATA_DIR.
     */
    REDIS_URL: z
      .string()
      .regex(/^(rediss?:\/\/|unix:\/\/\/)/, 'must start with redis://, rediss:// or unix:///')
      .optional(),
    /** JSON file replacing the default SLA policy (deadlines per party kind, severity and request type). */
    SLA_POLICY: z.string().min(1).optional(),
    /** How often the reconciler re-creates missing clock jobs from the open-clocks read model. */
    SLA_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    /** Requests per second to any one RDAP server, so one busy TLD cannot hammer its registry. */
    RDAP_RATE_PER_SECOND: z.coerce.number().min(0.1).max(100).default(5),
  })
  .refine((config) => config.EVENT_STORE !== 'postgres' || config.DATABASE_URL !== undefined, {
    path: ['DATABASE_URL'],
    error: 'is required with EVENT_STORE=postgres',
  })
  .refine(
    (config) => config.EVENT_STORE !== 'eventstoredb' || config.EVENTSTORE_CONNECTION_STRING !== undefined,
    { path: ['EVENTSTORE_CONNECTION_STRING'], error: 'is required with EVENT_STORE=eventstoredb' },
  );

export type AppConfig = z.infer<typeof configSchema>;

/** NODE_ENV=production: the API shows nothing about itself unless told to (GraphiQL, introspection). */
export const isProductionMode = (config: Pick<AppConfig, 'NODE_ENV'>): boolean =>
  config.NODE_ENV === 'production';

export const graphiqlEnabled = (config: Pick<AppConfig, 'NODE_ENV' | 'GRAPHIQL'>): boolean =>
  config.GRAPHIQL ?? !isProductionMode(config);

export const introspectionEnabled = (
  config: Pick<AppConfig, 'NODE_ENV' | 'GRAPHQL_INTROSPECTION'>,
): boolean => config.GRAPHQL_INTROSPECTION ?? !isProductionMode(config);
