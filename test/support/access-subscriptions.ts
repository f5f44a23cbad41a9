import { type AccessWorld, type MatrixIncident, VIEWER_KEYS, type ViewerKey } from './access-fixture';
import type { Outcome } from './access-operations';
import { COMMENT } from './incident-operations';
import { collect, subscriptionClient } from './subscription-client';

const UPDATES = 'subscription U($id: ID!) { incidentUpdated(id: $id) { id comments { text } } }';

interface Update {
  incidentUpdated: { id: string; comments: { text: string }[] };
}

/** An id no incident has: what a missing incident answers. */
export const UNKNOWN_INCIDENT_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/**
 * The codes of what a graphql-ws subscription reported as errors (GraphQL errors, or a close). An
 * error without a code whose message is, but for the id, the one a missing incident gets (`missing`,
 * with `{id}` in place of the id) counts as NOT_FOUND: the subscription errs exactly like for a
 * missing incident (that graphql-ws errors carry no code at all is checked apart, in the leaks suite).
 */
export function codesOf(errors: readonly unknown[], id?: string, missing?: string): string[] {
  return errors.flat().map((error) => {
    const { extensions, message, code } = error as {
      extensions?: { code?: unknown };
      message?: unknown;
      code?: unknown;
    };
    if (typeof extensions?.code === 'string') return extensions.code;
    if (typeof code === 'number') return `CLOSED(${code})`;
    if (id !== undefined && typeof message === 'string' && message.replaceAll(id, '{id}') === missing) {
      return 'NOT_FOUND';
    }
    return `ERROR(${String(message)})`;
  });
}

/** The message of a subscription to a missing incident, with `{id}` in place of its id. */
export async function missingIncidentMessage(world: AccessWorld): Promise<string> {
  const client = subscriptionClient(`${world.server.url}/graphql`, world.actors.coordinator.token);
  const updates = collect<Update>(client, UPDATES, { id: UNKNOWN_INCIDENT_ID });
  await updates.until(() => updates.errors.length > 0);
  updates.dispose();
  await client.dispose();
  const [first] = updates.errors.flat() as { message?: string }[];
  return (first?.message ?? '').replaceAll(UNKNOWN_INCIDENT_ID, '{id}');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every viewer subscribes to `incidentUpdated` for the incident, then the reporter comments on it.
 * ALLOWED: the update with that comment arrived; otherwise the subscription's error codes, or
 * NOTHING when it neither erred nor received anything within `quietMs`.
 */
export async function subscriptionOutcomes(
  world: AccessWorld,
  incident: MatrixIncident,
  missing: string,
  quietMs = 3_000,
): Promise<Record<ViewerKey, Outcome>> {
  const watchers = VIEWER_KEYS.map((key) => {
    const client = subscriptionClient(`${world.server.url}/graphql`, world.actors[key].token);
    return { key, client, updates: collect<Update>(client, UPDATES, { id: incident.id }) };
  });
  await sleep(750);
  const text = `ping for subscribers of ${incident.tlp}`;
  await world.actors.reporter.client.expectData(COMMENT, { input: { incidentId: incident.id, text } });
  const pinged = (results: readonly Update[]) =>
    results.some(
      (u) => u.incidentUpdated.id === incident.id && u.incidentUpdated.comments.some((c) => c.text === text),
    );
  const deadline = Date.now() + quietMs;
  while (
    Date.now() < deadline &&
    !watchers.every((w) => pinged(w.updates.results) || w.updates.errors.length > 0)
  ) {
    await sleep(50);
  }
  await sleep(200); // anything that was still on its way to a watcher that already answered
  const outcomes = {} as Record<ViewerKey, Outcome>;
  for (const { key, client, updates } of watchers) {
    const codes = codesOf(updates.errors, incident.id, missing);
    if (pinged(updates.results)) outcomes[key] = codes.length > 0 ? `ALLOWED+${codes.join(',')}` : 'ALLOWED';
    else if (updates.results.length > 0) outcomes[key] = `WRONG_DATA(${updates.results.length} updates)`;
    else outcomes[key] = codes.length > 0 ? codes.join(',') : 'NOTHING';
    updates.dispose();
    await client.dispose();
  }
  return outcomes;
}
