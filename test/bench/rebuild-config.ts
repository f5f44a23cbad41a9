import path from 'node:path';
import { BenchConfigError } from './bench-config';

export type RebuildStore = 'sqlite' | 'postgres';
/** `cli`: the real `projections:rebuild` command as a child process; `runner`: its code paths in-process, timed per batch. */
export type RebuildMethod = 'cli' | 'runner';

/** What one run of the rebuild benchmark measures; each field has a command-line flag. */
export interface RebuildBenchConfig {
  /** --events: events in the seeded log (issue 6's targets are stated for 1,000,000). */
  readonly events: number;
  /** --stores: which stores, in this order. */
  readonly stores: readonly RebuildStore[];
  /** --method: how each store is rebuilt; with both, the command first. */
  readonly methods: readonly RebuildMethod[];
  /** --open-incidents: incidents in progress at once while the log is written (how interleaved it is). */
  readonly openIncidents: number;
  /** --seed-budget: seconds PostgreSQL appends may take for the whole log before a bulk copy replaces them. */
  readonly seedBudgetS: number;
  /** --keep-data: leave the SQLite data directory behind (its path is printed). */
  readonly keepData: boolean;
  /** --out: where results are written; bench-results/ at the repository root by default. */
  readonly outDir: string;
}

/** The targets of issue 6 are for this many events. */
export const TARGET_EVENTS = 1_000_000;
/** Appends per round of the seeded log: the round's streams are distinct, so they go in together. */
export const APPENDS_PER_ROUND = 500;

/** dist/test/bench/ holds the compiled benchmark, three levels below the repository root. */
const REPOSITORY_ROOT = path.resolve(__dirname, '../../..');

export const REBUILD_USAGE = `Usage: npm run bench:rebuild -- [--events 1000000] [--stores sqlite,postgres]
  [--method both|cli|runner] [--open-incidents 2000] [--seed-budget 180] [--keep-data] [--out DIR]

PostgreSQL: DATABASE_URL (an empty database, kept) if set, else a fresh database on 127.0.0.1:5432 or a
throwaway cluster (dropped). --events 100000 is fine while developing; the targets are for 1,000,000.`;

export function loadRebuildConfig(argv: readonly string[] = process.argv.slice(2)): RebuildBenchConfig {
  const flags = parseFlags(argv);
  const integer = (name: string, fallback: number, min: number): number => {
    const raw = flags.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw.replace(/[_,]/g, ''));
    if (raw.trim() === '' || !Number.isInteger(value) || value < min) {
      throw new BenchConfigError(`--${name} must be an integer >= ${min}, got '${raw}'`);
    }
    return value;
  };
  const stores = listOf(flags.get('stores') ?? 'sqlite,postgres', ['sqlite', 'postgres'] as const, 'stores');
  const method = flags.get('method') ?? 'both';
  if (method !== 'both' && method !== 'cli' && method !== 'runner') {
    throw new BenchConfigError(`--method must be both, cli or runner, got '${method}'`);
  }
  const config: RebuildBenchConfig = {
    events: integer('events', TARGET_EVENTS, 1000),
    stores,
    methods: method === 'both' ? ['cli', 'runner'] : [method],
    openIncidents: integer('open-incidents', 2000, APPENDS_PER_ROUND),
    seedBudgetS: integer('seed-budget', 180, 1),
    keepData: flags.has('keep-data'),
    outDir: path.resolve(REPOSITORY_ROOT, flags.get('out') ?? 'bench-results'),
  };
  return config;
}

function listOf<T extends string>(raw: string, allowed: readonly T[], name: string): T[] {
  const values = raw.split(',').map((part) => part.trim());
  const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
  if (values.length === 0 || unknown.length > 0) {
    throw new BenchConfigError(
      `--${name} takes a comma-separated list of ${allowed.join(', ')}, got '${raw}'`,
    );
  }
  return [...new Set(values)] as T[];
}

const VALUED = new Set(['events', 'stores', 'method', 'open-incidents', 'seed-budget', 'out']);
const SWITCHES = new Set(['keep-data']);

/** `--name value`, `--name=value` or a bare switch; anything else is a usage error. */
function parseFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1];
    if (name !== undefined && SWITCHES.has(name) && match?.[2] === undefined) {
      flags.set(name, '1');
      continue;
    }
    if (name === undefined || !VALUED.has(name)) {
      throw new BenchConfigError(`unknown argument '${arg}'\n${REBUILD_USAGE}`);
    }
    const value = match?.[2] ?? argv[(i += 1)];
    if (value === undefined) throw new BenchConfigError(`--${name} needs a value\n${REBUILD_USAGE}`);
    flags.set(name, value);
  }
  return flags;
}
