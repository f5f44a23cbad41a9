import fc from 'fast-check';
import { abbreviate } from './hostile-encoding';
import type { FollowUp } from './hostile-harness';
import { hostileReport, REPORT_SELECTION } from './hostile-incident-targets';
import { dataOf } from './hostile-oracle';
import { graphqlRequest, HostileRequest } from './hostile-request';

/**
 * Idempotency keys under hostile reports: a refused report must leave its key free (per request,
 * exact even while the worker routes other incidents); an accepted one must replay when sent again.
 */

const REPORT = `mutation Report($input: ReportIncidentInput!) { reportIncident(input: $input) { ${REPORT_SELECTION} } }`;

/** A hostile report carrying a fresh, valid idempotency key, which the retry follow-up reuses. */
export class KeyedReport extends HostileRequest {
  constructor(
    readonly idempotencyKey: string,
    input: unknown,
  ) {
    const { body, headers } = graphqlRequest('reportIncident', REPORT, { input });
    super('reportIncident with an idempotency key', 'POST', '/graphql', headers, body, {
      writes: 'reportIncident',
    });
  }

  /** A valid report with the same key: after a refusal it must be new, never `replayed`. */
  validRetry(): HostileRequest {
    return graphqlRequest(
      'valid report with the refused key',
      REPORT,
      {
        input: {
          domains: ['retry-probe.example.com'],
          category: 'SPAM',
          description: 'retry',
          idempotencyKey: this.idempotencyKey,
        },
      },
      { writes: 'reportIncident' },
    );
  }
}

export const keyedReport = (): fc.Arbitrary<KeyedReport> =>
  fc
    .tuple(fc.uuid(), hostileReport(fc.uuid()))
    .filter(([, input]) => typeof input === 'object' && input !== null && !Array.isArray(input))
    .map(([key, input]) => new KeyedReport(key, { ...(input as object), idempotencyKey: key }));

interface ReportAnswer {
  reportIncident?: { replayed: boolean; incident: { id: string } } | null;
}

/**
 * After a refused report, its key must still be free (nothing was stored under it); after an
 * accepted one, sending the very same request again must replay the same incident.
 */
export const retryByKey: FollowUp = async (requests, exchanges, harness) => {
  const problems: string[] = [];
  for (const [i, request] of requests.entries()) {
    if (!(request instanceof KeyedReport)) continue;
    const first = dataOf(exchanges[i]?.json) as ReportAnswer | null;
    const accepted = first?.reportIncident ?? null;
    const retry = await harness.send(accepted ? request : request.validRetry());
    const again = (dataOf(retry.json) as ReportAnswer | null)?.reportIncident ?? null;
    if (again) harness.touch(again.incident.id);
    if (!again) {
      problems.push(
        `retrying request ${i} with its idempotency key failed: HTTP ${retry.status} ${abbreviate(retry.text)}`,
      );
    } else if (accepted && (!again.replayed || again.incident.id !== accepted.incident.id)) {
      problems.push(`the same accepted report sent again was not replayed: ${abbreviate(retry.text)}`);
    } else if (!accepted && again.replayed) {
      problems.push(
        `a refused report reserved its idempotency key: the valid retry was replayed: ${abbreviate(retry.text)}`,
      );
    }
  }
  return problems;
};
