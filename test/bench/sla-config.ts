import path from 'node:path';
import { BenchConfigError } from './bench-config';

/** `ours`: SlaClockQueue + SlaClockProcessor; `plain`: Queue.add with a delay + a plain Worker. */
export type SlaSideName = 'ours' | 'plain';

/** What one run of the SLA clock benchmark measures; each field has a command-line flag. */
export interface SlaBenchConfig {
  /** --minutes: the spread timers' deadlines fall uniformly over this many minutes. */
  readonly minutes: number;
  /** --clocks: how many spread timers. */
  readonly clocks: number;
  /** --burst: how many timers fall due within one second. */
  readonly burst: number;
  /** --burst-at: seconds after scheduling starts at which the burst's second begins. */
  readonly burstAtS: number;
  /** --lead: seconds after scheduling starts at which the spread window opens (scheduling must fit). */
  readonly leadS: number;
  /** --concurrency: worker concurrency of both sides; the worker app's is 50. */
  readonly concurrency: number;
  /** --grace: seconds to wait after the last deadline before counting unfired timers as missed. */
  readonly graceS: number;
  /** --side ours|plain|both: both run one after the other, each against its own redis-server. */
  readonly sides: readonly SlaSideName[];
  /** --hz: Redis' `hz` (server cron runs per second, default 10), set with CONFIG SET; null: left alone. */
  readonly hz: number | null;
  /** --seed: the deadlines and ids are the same for both sides and for every run with one seed. */
  readonly seed: number;
  /** --out: where results are written; bench-results/ at the repository root by default. */
  readonly outDir: string;
}

/** dist/test/bench/ holds the compiled benchmark, three levels below the repository root. */
const REPOSITORY_ROOT = path.resolve(__dirname, '../../..');

export const SLA_USAGE = `Usage: npm run bench:sla -- [--minutes 10] [--clocks 100000] [--burst 10000]
  [--burst-at 60] [--lead 30] [--concurrency 50] [--grace 60] [--side both|ours|plain] [--hz N] [--seed 1] [--out DIR]`;

const NUMERIC = [
  'minutes',
  'clocks',
  'burst',
  'burst-at',
  'lead',
  'concurrency',
  'grace',
  'hz',
  'seed',
] as const;
type NumericFlag = (typeof NUMERIC)[number];

export function loadSlaConfig(argv: readonly string[] = process.argv.slice(2)): SlaBenchConfig {
  const flags = parseFlags(argv);
  const number = (name: NumericFlag, fallback: number, min: number, integer = true): number => {
    const raw = flags.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (
      raw.trim() === '' ||
      !Number.isFinite(value) ||
      value < min ||
      (integer && !Number.isInteger(value))
    ) {
      throw new BenchConfigError(
        `--${name} must be ${integer ? 'an integer' : 'a number'} >= ${min}, got '${raw}'`,
      );
    }
    return value;
  };
  const side = flags.get('side') ?? 'both';
  if (side !== 'both' && side !== 'ours' && side !== 'plain') {
    throw new BenchConfigError(`--side must be both, ours or plain, got '${side}'`);
  }
  const config: SlaBenchConfig = {
    minutes: number('minutes', 10, 0.1, false),
    clocks: number('clocks', 100_000, 1),
    burst: number('burst', 10_000, 0),
    burstAtS: number('burst-at', 60, 1, false),
    leadS: number('lead', 30, 1, false),
    concurrency: number('concurrency', 50, 1),
    graceS: number('grace', 60, 1, false),
    sides: side === 'both' ? ['ours', 'plain'] : [side],
    hz: flags.has('hz') ? number('hz', 10, 1) : null,
    seed: number('seed', 1, 0),
    outDir: path.resolve(REPOSITORY_ROOT, flags.get('out') ?? 'bench-results'),
  };
  if (config.burst > 0 && config.burstAtS < config.leadS) {
    throw new BenchConfigError(
      `--burst-at (${config.burstAtS} s) must not come before --lead (${config.leadS} s)`,
    );
  }
  return config;
}

/** `--name value` or `--name=value`; anything else is a usage error. */
function parseFlags(argv: readonly string[]): Map<string, string> {
  const known = new Set<string>([...NUMERIC, 'side', 'out']);
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1];
    if (name === undefined || !known.has(name))
      throw new BenchConfigError(`unknown argument '${arg}'\n${SLA_USAGE}`);
    const value = match?.[2] ?? argv[(i += 1)];
    if (value === undefined) throw new BenchConfigError(`--${name} needs a value\n${SLA_USAGE}`);
    flags.set(name, value);
  }
  return flags;
}

export function describeSlaConfig(config: SlaBenchConfig): string {
  const spreadEnd = config.leadS + config.minutes * 60;
  return [
    `${config.clocks} spread timers due uniformly from +${config.leadS} s to +${spreadEnd} s (${config.minutes} min)`,
    config.burst > 0
      ? `${config.burst} burst timers due within one second from +${config.burstAtS} s`
      : 'no burst timers',
    `worker concurrency ${config.concurrency}, Redis hz ${config.hz ?? 'default'}, grace ${config.graceS} s, seed ${config.seed}, sides: ${config.sides.join(' then ')}`,
  ].join('\n');
}
