import type { IntakeBenchConfig, IntakeStore } from './bench-config';
import { type BenchDatabase, databaseBytes, freshDatabase } from './bench-database';
import type { StoreVerification } from './intake-report';
import { RequestSequence, settledIncidentCount, storedIncidentCount } from './intake-requests';
import type { StoreRun } from './intake-stores';
import { summariseIntake } from './intake-targets';
import { describePhase, type PhasePlan, type PhaseResult, runPhase } from './load-phase';
import { ServerProcess } from './server-process';

const PAUSE_BETWEEN_PHASES_MS = 1000;
const out = process.stdout;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface OperationRun {
  readonly phases: PhaseResult[];
  readonly verifications: StoreVerification[];
  storage: StoreRun['storage'];
}

/** The server and database being measured, so that an interrupted run leaves neither behind. */
export const current: { server?: ServerProcess | undefined; database?: BenchDatabase | undefined } = {};

/** The server's store: nothing added for the embedded one; a fresh database per server for PostgreSQL. */
async function storeEnvironment(
  store: IntakeStore,
): Promise<{ env: NodeJS.ProcessEnv; database: BenchDatabase | null }> {
  if (store === 'sqlite') return { env: {}, database: null };
  const database = await freshDatabase();
  return { env: { EVENT_STORE: 'postgres', DATABASE_URL: database.url }, database };
}

async function runOperation(
  config: IntakeBenchConfig,
  store: IntakeStore,
  plans: readonly PhasePlan[],
  sequence: RequestSequence,
  position: { done: number; readonly total: number; readonly prefix: string },
): Promise<OperationRun> {
  const { env, database } = await storeEnvironment(store);
  current.database = database ?? undefined;
  const server = await ServerProcess.start(config.serverNodeArgs, env);
  current.server = server;
  const run: OperationRun = { phases: [], verifications: [], storage: null };
  try {
    for (const plan of plans) {
      position.done += 1;
      const stores = plan.operation === 'reportIncident';
      const label = `${plan.operation} ${plan.kind === 'warmup' ? 'warm-up' : describePhase(plan)}`;
      out.write(`[${position.done}/${position.total}] ${position.prefix}${label}, ${plan.durationS} s `);
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
          phase: `${position.prefix}${label}`,
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
        ...(database === null ? {} : { databaseBytes: await databaseBytes(database.url) }),
      };
    }
  } finally {
    await server.stop();
    current.server = undefined;
    await database?.release();
    current.database = undefined;
  }
  return run;
}

/** Every operation's plan against `store`, each operation on its own fresh server (and database). */
export async function runStore(
  config: IntakeBenchConfig,
  store: IntakeStore,
  plans: readonly (readonly PhasePlan[])[],
  position: { done: number; readonly total: number; readonly prefix: string },
): Promise<StoreRun> {
  const sequence = new RequestSequence();
  const runs: OperationRun[] = [];
  for (const operationPlans of plans) {
    runs.push(await runOperation(config, store, operationPlans, sequence, position));
  }
  const phases = runs.flatMap((run) => run.phases);
  return {
    store,
    phases,
    verifications: runs.flatMap((run) => run.verifications),
    storage: runs.find((run) => run.storage !== null)?.storage ?? null,
    summary: summariseIntake(phases),
  };
}
