/**
 * SLA clock benchmark: how late pending SLA timers fire and what each costs in Redis, next to plain
 * BullMQ delayed jobs. Per side, a fresh redis-server gets a spread set and a same-second burst of
 * timers, then a worker fires them all. Run with `npm run bench:sla -- [flags]` (sla-config.ts).
 * Exits 0 whether or not the targets hold.
 */
import { BenchConfigError } from './bench-config';
import { loadAverage, machineInfo, sourceRevision, writeBenchResults } from './bench-results';
import { SLA_USAGE, describeSlaConfig, loadSlaConfig } from './sla-config';
import { renderSlaChart } from './sla-chart';
import { planTimers } from './sla-plan';
import { formatSlaSummary, formatSlaTable } from './sla-report';
import { killSlaRedisNow } from './sla-redis';
import { runSide, type SideResult } from './sla-run';
import { summariseSla } from './sla-targets';

const out = process.stdout;
/** Other processes' CPU (100 = one core) above which the run is flagged as measured on a busy machine. */
const NOISY_OTHER_CPU_PCT = 20;

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    out.write(`${SLA_USAGE}\n`);
    return;
  }
  const config = loadSlaConfig();
  const startedAt = new Date();
  const machine = machineInfo();
  const loadAtStart = loadAverage();
  const timers = planTimers(config);
  const perSideS = Math.max(config.leadS + config.minutes * 60, config.burstAtS + 1) + 15;
  out.write(
    `SLA clock benchmark: ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, load average ${loadAtStart.join(' ')}\n` +
      `${describeSlaConfig(config)}\n` +
      `Each side against its own fresh redis-server (no persistence), one after the other: about ${Math.ceil(perSideS / 60)} min per side\n\n`,
  );

  const results: SideResult[] = [];
  for (const side of config.sides) results.push(await runSide(side, timers, config));
  const summary = summariseSla(results);

  out.write(`${formatSlaTable(results)}\n\n${formatSlaSummary(summary)}\n`);
  const busiest = Math.max(0, ...results.map((result) => result.firing.cpuPct.other ?? 0));
  if (busiest > NOISY_OTHER_CPU_PCT) {
    out.write(
      `\nNote: other processes used ${busiest}% CPU (100% = one core) while timers fired; lateness is higher than on a quiet machine.\n`,
    );
  }

  const caption = `${machine.cpus} CPUs, Node ${machine.node}, ${config.clocks} spread over ${config.minutes} min + ${config.burst} burst, concurrency ${config.concurrency}, ${startedAt.toISOString()}`;
  const files = writeBenchResults(
    config.outDir,
    'sla',
    startedAt,
    {
      benchmark: 'sla',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      source: sourceRevision(),
      machine,
      loadAverage: { atStart: loadAtStart, atEnd: loadAverage() },
      config,
      method: {
        redis:
          'a fresh redis-server per side on a free 127.0.0.1 port, --save "" --appendonly no; sides run one after the other',
        ours: results.find((result) => result.side === 'ours')?.description ?? null,
        plain: results.find((result) => result.side === 'plain')?.description ?? null,
        commandBus:
          'ours dispatches to a stub CommandBus whose execute resolves at once: the timer layer is measured, not the event store',
        lateness:
          'ours: Date.now() - fire time in the job (SlaClockProcessor onLateness); plain: Date.now() - (job.timestamp + delay); whole ms, exact percentiles by nearest rank',
        memory: 'INFO memory used_memory after scheduling minus before, divided by the timers scheduled',
        dueSkew:
          "a sample of jobs read back after scheduling: BullMQ's timestamp + delay minus the fire time in the payload",
      },
      sides: results,
      summary,
    },
    renderSlaChart(results, caption),
  );
  out.write(`\nResults: ${files.json}\n         ${files.latestJson}\n         ${files.latestSvg}\n`);
}

// However this process ends (Ctrl-C, a closed pipe, a crash), the redis-server must not outlive it.
process.on('exit', killSlaRedisNow);
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.once(signal, () => process.exit(code));
}

main().catch((error: unknown) => {
  process.stderr.write(`\nSLA benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof BenchConfigError ? 2 : 1);
});
