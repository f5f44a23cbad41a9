import path from 'node:path';

/** What one run of the intake benchmark measures; each field has an environment variable and a default. */
export interface IntakeBenchConfig {
  /** BENCH_DURATION_S: seconds of each measured phase. */
  readonly durationS: number;
  /** BENCH_WARMUP_S: seconds of unmeasured load before an operation's first phase (JIT, caches). */
  readonly warmupS: number;
  /** BENCH_RATES: the fixed request rates, in requests per second over all connections. */
  readonly rates: readonly number[];
  /** BENCH_CONNECTIONS: connections of the fixed-rate phases. */
  readonly rateConnections: number;
  /** BENCH_STAGGER (1 or 0): spread fixed-rate connections over each second instead of bursting together. */
  readonly stagger: boolean;
  /** BENCH_MAX_CONNECTIONS: one unthrottled phase per value. */
  readonly maxConnections: readonly number[];
  /** BENCH_SERVER_NODE_ARGS: extra node options for the server, e.g. `--cpu-prof --cpu-prof-dir=bench-results`. */
  readonly serverNodeArgs: readonly string[];
  /** BENCH_OUT_DIR: where results are written; bench-results/ at the repository root by default. */
  readonly outDir: string;
  /**
   * `--stores sqlite,postgres` or BENCH_STORES: the event stores to run every phase against, in order;
   * null (unset): both when PostgreSQL is reachable or can be started, else SQLite alone.
   */
  readonly stores: readonly IntakeStore[] | null;
}

/** The embedded store (EVENT_STORE=sqlite) or EVENT_STORE=postgres with a fresh database per server. */
export type IntakeStore = 'sqlite' | 'postgres';
const INTAKE_STORES: readonly IntakeStore[] = ['sqlite', 'postgres'];

export const INTAKE_USAGE = `Usage: npm run bench:intake -- [--stores sqlite,postgres]
Other settings are environment variables (BENCH_DURATION_S, BENCH_RATES, ...; docs/benchmarks/intake.md).`;

/** Thrown for a setting that cannot be used; the benchmark exits with a usage error. */
export class BenchConfigError extends Error {}

/** dist/test/bench/ holds the compiled benchmark, three levels below the repository root. */
const REPOSITORY_ROOT = path.resolve(__dirname, '../../..');

export function loadBenchConfig(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv.slice(2),
): IntakeBenchConfig {
  return {
    durationS: positiveInteger(env, 'BENCH_DURATION_S', '10'),
    warmupS: positiveInteger(env, 'BENCH_WARMUP_S', '3', 0),
    rates: positiveIntegers(env, 'BENCH_RATES', '1000,2000'),
    rateConnections: positiveInteger(env, 'BENCH_CONNECTIONS', '32'),
    stagger: flag(env, 'BENCH_STAGGER', '1'),
    maxConnections: positiveIntegers(env, 'BENCH_MAX_CONNECTIONS', '32,64'),
    serverNodeArgs: (env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== ''),
    outDir: path.resolve(REPOSITORY_ROOT, env['BENCH_OUT_DIR'] ?? 'bench-results'),
    stores: storesOf(storesArgument(argv) ?? env['BENCH_STORES']?.trim()),
  };
}

/** `--stores a,b` or `--stores=a,b`; the intake benchmark takes no other argument. */
function storesArgument(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--stores') value = argv[(i += 1)] ?? '';
    else if (arg.startsWith('--stores=')) value = arg.slice('--stores='.length);
    else throw new BenchConfigError(`unknown argument '${arg}'\n${INTAKE_USAGE}`);
  }
  return value;
}

function storesOf(raw: string | undefined): IntakeStore[] | null {
  if (raw === undefined || raw === '') return null;
  const values = raw.split(',').map((part) => part.trim());
  if (values.some((value) => !(INTAKE_STORES as readonly string[]).includes(value))) {
    throw new BenchConfigError(`--stores takes a comma-separated list of sqlite, postgres, got '${raw}'`);
  }
  return [...new Set(values)] as IntakeStore[];
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: string, min = 1): number {
  const raw = env[name]?.trim() || fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new BenchConfigError(`${name} must be an integer >= ${min}, got '${raw}'`);
  }
  return value;
}

function positiveIntegers(env: NodeJS.ProcessEnv, name: string, fallback: string): number[] {
  const raw = env[name]?.trim() || fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 1)) {
    throw new BenchConfigError(`${name} must be a comma-separated list of positive integers, got '${raw}'`);
  }
  return values;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: '0' | '1'): boolean {
  const raw = env[name]?.trim() || fallback;
  if (raw !== '0' && raw !== '1') throw new BenchConfigError(`${name} must be 1 or 0, got '${raw}'`);
  return raw === '1';
}
