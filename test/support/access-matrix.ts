import { canDo, canSee, type IncidentAction, type TlpMarking } from '@app/access';
import {
  type AccessWorld,
  type Actor,
  type MatrixIncident,
  settled,
  TLPS,
  VIEWER_KEYS,
  type ViewerKey,
} from './access-fixture';
import type { MatrixOperation, Outcome } from './access-operations';
import { missingIncidentMessage, subscriptionOutcomes } from './access-subscriptions';

/** One cell of the matrix: an operation by one viewer on the incident of one marking. */
export interface MatrixCase {
  readonly operation: string;
  readonly tlp: TlpMarking;
  readonly viewer: ViewerKey;
  readonly expected: Outcome;
  readonly actual: Outcome;
  readonly ok: boolean;
}

/**
 * What the policy says the API must answer: NOT_FOUND for an incident the viewer may not see,
 * FORBIDDEN for one it may see but not act on, the data otherwise. Computed with the policy's own
 * functions on the viewer and the involvement the fixture arranged.
 */
export function expectedOutcome(actor: Actor, action: IncidentAction, incident: MatrixIncident): Outcome {
  if (!canSee(actor.viewer, incident.facts)) return 'NOT_FOUND';
  return canDo(actor.viewer, action, incident.facts) ? 'ALLOWED' : 'FORBIDDEN';
}

/** Runs one operation for every viewer on every marking: markings in parallel, viewers in turn. */
export async function runOperation(world: AccessWorld, operation: MatrixOperation): Promise<MatrixCase[]> {
  const perIncident = await Promise.all(
    world.incidents.map(async (incident) => {
      const cases: MatrixCase[] = [];
      for (const key of VIEWER_KEYS) {
        const ctx = { world, actor: world.actors[key], incident };
        const expected = expectedOutcome(ctx.actor, operation.action, incident);
        await operation.prepare?.(ctx);
        const before = operation.mutates ? (await settled(world.coordinator, incident.id)).version : 0;
        let actual = await operation.run(ctx);
        let ok = actual === expected;
        if (operation.mutates) {
          const after = (await settled(world.coordinator, incident.id)).version;
          if (expected !== 'ALLOWED' && after !== before) {
            actual = `${actual}+CHANGED(v${before}->v${after})`;
            ok = false;
          }
        }
        cases.push({ operation: operation.name, tlp: incident.tlp, viewer: key, expected, actual, ok });
      }
      return cases;
    }),
  );
  return perIncident.flat();
}

/** `incidentUpdated`: an invisible incident's subscription must err with NOT_FOUND or stay silent. */
export async function runSubscriptions(world: AccessWorld): Promise<MatrixCase[]> {
  const missing = await missingIncidentMessage(world);
  const perIncident = await Promise.all(
    world.incidents.map(async (incident) => {
      const outcomes = await subscriptionOutcomes(world, incident, missing);
      return VIEWER_KEYS.map((key): MatrixCase => {
        const expected = expectedOutcome(world.actors[key], 'VIEW', incident);
        const actual = outcomes[key];
        const ok = actual === expected || (expected === 'NOT_FOUND' && actual === 'NOTHING');
        return { operation: 'incidentUpdated', tlp: incident.tlp, viewer: key, expected, actual, ok };
      });
    }),
  );
  return perIncident.flat();
}

const SHORT: Readonly<Record<string, string>> = {
  ALLOWED: 'ok',
  NOT_FOUND: '404',
  FORBIDDEN: '403',
  NOTHING: 'silent',
};
const short = (outcome: Outcome): string => SHORT[outcome] ?? outcome;

/**
 * The cases of one or more operations as a grid, viewers down and markings across, each cell the
 * answer (ok, 403, 404…), and a mismatch as `✗ actual (want expected)`.
 */
export function matrixTable(cases: readonly MatrixCase[]): string {
  const lines: string[] = [];
  for (const operation of [...new Set(cases.map((c) => c.operation))]) {
    const rows = [[operation, ...TLPS]];
    for (const viewer of VIEWER_KEYS) {
      rows.push([
        viewer,
        ...TLPS.map((tlp) => {
          const found = cases.find((c) => c.operation === operation && c.viewer === viewer && c.tlp === tlp);
          if (!found) return '';
          return found.ok ? short(found.actual) : `✗ ${short(found.actual)} (want ${short(found.expected)})`;
        }),
      ]);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
    lines.push(
      ...rows.map((row) =>
        row
          .map((cell, i) => cell.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd(),
      ),
      '',
    );
  }
  return lines.join('\n');
}

/** Fails with the whole grid of the operation when any case differs from the policy. */
export function assertMatrix(cases: readonly MatrixCase[]): void {
  const failed = cases.filter((c) => !c.ok);
  if (failed.length > 0) {
    throw new Error(
      `${failed.length} of ${cases.length} cases differ from the policy:\n\n${matrixTable(cases)}`,
    );
  }
}
