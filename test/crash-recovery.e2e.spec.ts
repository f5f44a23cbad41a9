import { DnsccServer } from './support/dnscc-server';
import { GET, REPORT, TRIAGE, aReport } from './support/incident-operations';

interface Acknowledged {
  id: string;
  version: number;
}

/**
 * A write the API acknowledged must survive the process dying at any moment: reports and triages
 * are in flight when the server gets SIGKILL; after a restart on the same data directory every
 * acknowledged one is there, and the read model agrees with the log.
 */
describe('crash recovery', () => {
  jest.setTimeout(60_000);

  it('keeps every acknowledged write across kill -9 and restart', async () => {
    const server = await DnsccServer.start();
    const api = server.client();
    const acknowledged: Acknowledged[] = [];
    let stop = false;

    const writer = async (worker: number): Promise<void> => {
      for (let n = 0; !stop; n += 1) {
        try {
          const report = await api.request<{ reportIncident: { incident: Acknowledged } }>(REPORT, {
            input: aReport({ domains: [`crash-${worker}-${n}.example.com`] }),
          });
          const incident = report.data?.reportIncident.incident;
          if (!incident) continue;
          acknowledged.push(incident);
          const triage = await api.request<{ triageIncident: { incident: Acknowledged } }>(TRIAGE, {
            input: { incidentId: incident.id, severity: 'HIGH', expectedVersion: 1 },
          });
          const triaged = triage.data?.triageIncident.incident;
          if (triaged) acknowledged.push(triaged);
        } catch {
          return; // the connection died with the server
        }
      }
    };

    const writers = Array.from({ length: 16 }, (_, worker) => writer(worker));
    while (acknowledged.length < 200) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.kill9();
    stop = true;
    await Promise.all(writers);

    await server.boot();
    const restarted = server.client();
    const latest = new Map<string, number>();
    for (const { id, version } of acknowledged) latest.set(id, Math.max(version, latest.get(id) ?? 0));
    for (const [id, version] of latest) {
      const { incident } = await restarted.expectData<{
        incident: { version: number; severity: string | null };
      }>(GET, { id });
      expect(incident.version).toBeGreaterThanOrEqual(version);
      if (version === 2) expect(incident.severity).toBe('HIGH');
    }
    const health = (await (await fetch(`${server.url}/health`)).json()) as { projections: { lag: number }[] };
    expect(health.projections.every((p) => p.lag === 0)).toBe(true);
    await server.dispose();
  });
});
