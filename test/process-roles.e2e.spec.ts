import { spawn } from 'node:child_process';
import path from 'node:path';
import { SqliteEventStore, SqliteProjectionRunner } from '@app/event-store';
import { incidentsProjection } from '@app/incidents';
import { DnsccServer } from './support/dnscc-server';
import { LIST, REPORT, aReport } from './support/incident-operations';

const WORKER = path.resolve(__dirname, '../dist/apps/worker/src/main.js');

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(condition()).toBe(true);
}

/** ROLE=api serves GraphQL; ROLE=worker runs background work on the same data directory. */
describe('api and worker roles', () => {
  jest.setTimeout(30_000);

  it('runs the worker on its own, which brings a rewound projection back to the head of the log', async () => {
    const api = await DnsccServer.start({ env: { ROLE: 'api' } });
    const client = api.client();
    for (let n = 0; n < 5; n += 1) {
      await client.expectData(REPORT, { input: aReport({ domains: [`role-${n}.example.com`] }) });
    }
    await api.stop();

    const worker = spawn(process.execPath, [WORKER], {
      env: { ...process.env, DATA_DIR: api.dataDir, LOG_LEVEL: 'info', RDAP_ENABLED: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until(() => output.includes('dnscc worker started'));

    // Rewind the projection behind the running worker's back, as a rebuild in another process would.
    const store = SqliteEventStore.open({ path: path.join(api.dataDir, 'dnscc.sqlite') });
    const runner = new SqliteProjectionRunner(store.database, store, [incidentsProjection]);
    runner.reset();
    expect(store.headPositionSync()).toBeGreaterThanOrEqual(5n);
    // The worker also routes the five incidents meanwhile, so the head may still move.
    await until(() => runner.status()[0]?.checkpoint === store.headPositionSync());

    // Nest runs its shutdown hooks on SIGTERM, then re-raises the signal to end the process.
    const exited = new Promise<string | null>((resolve) =>
      worker.once('exit', (_code, signal) => {
        resolve(signal);
      }),
    );
    worker.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(output).not.toMatch(/"level":(50|60)/);
    await store.close();

    await api.boot();
    const { incidents } = await client.expectData<{ incidents: { totalCount: number } }>(LIST, {});
    expect(incidents.totalCount).toBe(5);
    await api.dispose();
  });
});
