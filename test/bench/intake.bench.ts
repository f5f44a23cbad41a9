/**
 * Intake benchmark: how many incident reports per second the API stores, and how fast it answers,
 * next to the same requests that are only parsed (validateIncidentReport). Starts the built server,
 * loads it with autocannon from this process, prints a table and writes bench-results/intake-*.
 * Run with `npm run bench:intake`; settings in bench-config.ts. Exits 0 whether or not targets hold.
 */
import { BenchConfigError, type IntakeBenchConfig, loadBenchConfig } from './bench-config';
import {
  autocannonVersion,
  loadAverage,
  machineInfo,
  sourceRevision,
  writeBenchResults,
} from './bench-results';
import { renderIntakeChart } from './intake-chart';
import { OPERATIONS, planFor } from './intake-plan';
import {
  formatFailures,
  formatPhaseTable,
  formatSummary,
  formatVerifications,
  type StoreVerification,
} from './intake-report';
import { RequestSequence, settledIncidentCount, storedIncidentCount } from './intake-requests';
import { summariseIntake } from './intake-targets';
import { describePhase, type PhasePlan, type PhaseResult, runPhase } from './load-phase';
import { ServerProcess } from './server-process';

const PAUSE_BETWEEN_PHASES_MS = 1000;
/** CPU used by other processes (100 = one core) above which a run is flagged as measured on a busy machine. */
const NOISY_OTHER_CPU_PCT = 20;
const out = process.stdout;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface OperationRun {
  readonly phases: PhaseResult[];
  readonly verifications: StoreVerification[];
  storage: { readonly incidents: number; readonly dataDirBytes: number } | null;
}

let currentServer: ServerProcess | undefined;

async function runOperation(
  config: IntakeBenchConfig,
  plans: readonly PhasePlan[],
  sequence: RequestSequence,
  position: { done: number; readonly total: number },
): Promise<OperationRun> {
  const server = await ServerProcess.start(config.serverNodeArgs);
  currentServer = server;
  const run: OperationRun = { phases: [], verifications: [], storage: null };
  try {
    for (const plan of plans) {
      position.done += 1;
      const stores = plan.operation === 'reportIncident';
      const label = `${plan.operation} ${plan.kind === 'warmup' ? 'warm-up' : describePhase(plan)}`;
      out.write(`[${position.done}/${position.total}] ${label}, ${plan.durationS} s `);
      const countBefore = stores ? await storedIncidentCount(server.url, server.token) : 0;
      const result = await runPhase(server, plan, sequence, out);
      const p99 = result.latencyMs?.p99.toFixed(2) ?? '-';
      const { server: serverCpu, loadGenerator, other } = result.cpuPct;
      const cpu = `CPU: server ${serverCpu ?? '-'}%, load generator ${loadGenerator}%, other ${other ?? '-'}%`;
      out.write(` ${result.achievedRps} req/s, p99 ${p99} ms, ${result.errors} errors (${cpu})\n`);
      if (stores) {
        const stored = (await settledIncidentCount(server.url, server.token)) - countBefore;
        const unanswered = result.sent - result.responses;
        run.verifications.push({
          phase: label,
          okResponses: result.ok,
          unanswered,
          stored,
          consistent: stored >= result.ok && stored <= result.ok + unanswered,
        });
      }
      if (plan.kind !== 'warmup') run.phases.push(result);
      await sleep(PAUSE_BETWEEN_PHASES_MS);
    }
    if (plans.some((plan) => plan.operation === 'reportIncident')) {
      run.storage = {
        incidents: await storedIncidentCount(server.url, server.token),
        dataDirBytes: server.dataDirBytes(),
      };
    }
  } finally {
    await server.stop();
    currentServer = undefined;
  }
  return run;
}

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const startedAt = new Date();
  const machine = machineInfo();
  const loadAtStart = loadAverage();
  const plans = OPERATIONS.map((operation) => planFor(operation, config));
  const total = plans.reduce((sum, list) => sum + list.length, 0);
  const seconds = plans.flat().reduce((sum, plan) => sum + plan.durationS + 1, 0);
  out.write(
    `Intake benchmark: ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, autocannon ${autocannonVersion()}\n` +
      `${total} phases, about ${Math.ceil(seconds / 10) * 10} s of load; each operation against a fresh server and data directory\n\n`,
  );

  const sequence = new RequestSequence();
  const position = { done: 0, total };
  const runs: OperationRun[] = [];
  for (const operationPlans of plans) {
    runs.push(await runOperation(config, operationPlans, sequence, position));
  }
  const phases = runs.flatMap((run) => run.phases);
  const verifications = runs.flatMap((run) => run.verifications);
  const summary = summariseIntake(phases);

  out.write(`\n${formatPhaseTable(phases)}\n\nStored incidents vs successful reportIncident responses:\n`);
  out.write(`${formatVerifications(verifications)}\n\n${formatSummary(summary)}\n`);
  const busiest = Math.max(0, ...phases.map((phase) => phase.cpuPct.other ?? 0));
  if (busiest > NOISY_OTHER_CPU_PCT) {
    out.write(
      `\nNote: other processes used up to ${busiest}% CPU during a phase; the figures are lower than on a quiet machine.\n`,
    );
  }
  const failures = formatFailures(phases);
  if (failures !== null) out.write(`\nFirst failed response per phase:\n${failures}\n`);

  const caption = `${machine.cpus} CPUs, Node ${machine.node}, ${config.durationS} s per phase, ${startedAt.toISOString()}`;
  const files = writeBenchResults(
    config.outDir,
    'intake',
    startedAt,
    {
      benchmark: 'intake',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      source: sourceRevision(),
      machine,
      loadAverage: { atStart: loadAtStart, atEnd: loadAverage() },
      config,
      method: {
        loadGenerator: `autocannon ${autocannonVersion()}, in the benchmark process, pipelining 1`,
        fixedRate: config.stagger
          ? 'autocannon overallRate, one instance per connection with its share of the rate, started evenly over a second'
          : 'autocannon overallRate, one instance: each connection sends its share back to back as every second starts',
        latency:
          'per response, from the write of the request to the end of its response; exact percentiles, no coordinated-omission correction',
        achievedRps:
          'successful responses (2xx, expected payload, no GraphQL errors) per second of the phase',
      },
      phases,
      verifications,
      storage: runs.find((run) => run.storage !== null)?.storage ?? null,
      summary,
    },
    renderIntakeChart(phases, caption),
  );
  out.write(`\nResults: ${files.json}\n         ${files.latestJson}\n         ${files.latestSvg}\n`);
}

// However this process ends (Ctrl-C, a closed pipe, a crash), the server must not outlive it.
process.on('exit', () => currentServer?.killNow());
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.once(signal, () => process.exit(code));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `\nintake benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(error instanceof BenchConfigError ? 2 : 1);
});
