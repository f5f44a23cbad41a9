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
}

/** Thrown for a setting that cannot be used; the benchmark exits with a usage error. */
export class BenchConfigError extends Error {}

/** dist/test/bench/ holds the compiled benchmark, three levels below the repository root. */
const REPOSITORY_ROOT = path.resolve(__dirname, '../../..');

export function loadBenchConfig(env: NodeJS.ProcessEnv = process.env): IntakeBenchConfig {
  return {
    durationS: positiveInteger(env, 'BENCH_DURATION_S', '10'),
    warmupS: positiveInteger(env, 'BENCH_WARMUP_S', '3', 0),
    rates: positiveIntegers(env, 'BENCH_RATES', '1000,2000'),
    rateConnections: positiveInteger(env, 'BENCH_CONNECTIONS', '32'),
    stagger: flag(env, 'BENCH_STAGGER', '1'),
    maxConnections: positiveIntegers(env, 'BENCH_MAX_CONNECTIONS', '32,64'),
    serverNodeArgs: (env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== ''),
    outDir: path.resolve(REPOSITORY_ROOT, env['BENCH_OUT_DIR'] ?? 'bench-results'),
  };
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
