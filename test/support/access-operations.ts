import type { IncidentAction } from '@app/access';
import type { AccessWorld, Actor, MatrixIncident } from './access-fixture';
import type { GraphqlResponse } from './graphql-client';
import { REROUTE } from './directory-operations';
import { ESCALATE } from './sla-operations';

/**
 * Every incident operation of the matrix, written as a client sends it, each naming the policy
 * action that governs it. An outcome is ALLOWED (the expected data came back), an error code, or
 * WRONG_DATA (an answer without an error, but not the one expected).
 */
export type Outcome = string;

export interface OperationContext {
  readonly world: AccessWorld;
  readonly actor: Actor;
  readonly incident: MatrixIncident;
}

export interface MatrixOperation {
  readonly name: string;
  readonly action: IncidentAction;
  /** Whether it changes the incident: denied ones must then leave its version as it was. */
  readonly mutates: boolean;
  /** Brings the incident into the state the operation needs, as a coordinator. */
  readonly prepare?: (ctx: OperationContext) => Promise<void>;
  readonly run: (ctx: OperationContext) => Promise<Outcome>;
}

/** The error code of the first error, or ALLOWED when `ok` holds for the data. */
export function outcomeOf<Data>(response: GraphqlResponse<Data>, ok: (data: Data) => boolean): Outcome {
  const [error] = response.errors;
  if (error) return error.extensions?.code ?? `ERROR(${error.message})`;
  if (response.data === null) return 'WRONG_DATA(null)';
  return ok(response.data) ? 'ALLOWED' : `WRONG_DATA(${JSON.stringify(response.data).slice(0, 120)})`;
}

type WithIncident<Field extends string> = Record<
  Field,
  { incident: { id: string } & Record<string, unknown> }
>;

/** A mutation whose payload is `{ incident }`, allowed when the incident it returns passes `ok`. */
function incidentMutation(
  name: string,
  action: IncidentAction,
  selection: string,
  input: (ctx: OperationContext) => Record<string, unknown>,
  ok: (incident: Record<string, unknown>, ctx: OperationContext) => boolean = () => true,
  prepare?: (ctx: OperationContext) => Promise<void>,
): MatrixOperation {
  const inputType = `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}Input`;
  const query = `mutation M($input: ${inputType}!) { ${name}(input: $input) { incident { id ${selection} } } }`;
  return {
    name,
    action,
    mutates: true,
    ...(prepare ? { prepare } : {}),
    run: async (ctx) =>
      outcomeOf(
        await ctx.actor.client.request<WithIncident<string>>(query, { input: input(ctx) }),
        (data) => {
          const incident = data[name]?.incident;
          return incident?.id === ctx.incident.id && ok(incident, ctx);
        },
      ),
  };
}

const by = (ctx: OperationContext) => `${ctx.actor.key} on ${ctx.incident.tlp}`;
const addedDomain = (ctx: OperationContext) => `added-by-${ctx.actor.key}.${ctx.incident.domain}`;
const STATUS = `query S($id: ID!) { incident(id: $id) { status } }`;

async function statusOf(ctx: OperationContext): Promise<string> {
  const data = await ctx.world.coordinator.expectData<{ incident: { status: string } }>(STATUS, {
    id: ctx.incident.id,
  });
  return data.incident.status;
}

const REOPEN_AS_COORDINATOR = `mutation R($input: ReopenIncidentInput!) { reopenIncident(input: $input) { incident { id } } }`;
const RESOLVE_AS_COORDINATOR = `mutation R($input: ResolveIncidentInput!) { resolveIncident(input: $input) { incident { id } } }`;

/** Changes, ordered so that none spoils a later one: resolving and reopening come last. */
export const MUTATIONS: readonly MatrixOperation[] = [
  incidentMutation(
    'commentOnIncident',
    'COMMENT',
    'comments { text }',
    (ctx) => ({ incidentId: ctx.incident.id, text: `comment by ${by(ctx)}` }),
    (incident, ctx) => JSON.stringify(incident).includes(`comment by ${by(ctx)}`),
  ),
  incidentMutation(
    'attachEvidence',
    'ATTACH_EVIDENCE',
    'evidence { note }',
    (ctx) => ({
      incidentId: ctx.incident.id,
      kind: 'SCREENSHOT',
      mediaType: 'text/plain',
      note: `evidence by ${by(ctx)}`,
      contentBase64: Buffer.from(by(ctx)).toString('base64'),
    }),
    (incident, ctx) => JSON.stringify(incident).includes(`evidence by ${by(ctx)}`),
  ),
  incidentMutation(
    'addIncidentDomain',
    'ADD_DOMAIN',
    'domains { name }',
    (ctx) => ({ incidentId: ctx.incident.id, domain: addedDomain(ctx) }),
    (incident, ctx) => JSON.stringify(incident).includes(addedDomain(ctx)),
  ),
  incidentMutation(
    'triageIncident',
    'TRIAGE',
    'severity',
    (ctx) => ({ incidentId: ctx.incident.id, severity: 'HIGH', note: `triaged by ${by(ctx)}` }),
    (incident) => incident.severity === 'HIGH',
  ),
  incidentMutation('shareIncident', 'SHARE', 'version', (ctx) => ({
    incidentId: ctx.incident.id,
    organisationId: ctx.world.targets[ctx.actor.key].share,
  })),
  {
    name: 'escalateIncident',
    action: 'ESCALATE',
    mutates: true,
    run: async (ctx) => {
      const organisationId = ctx.world.targets[ctx.actor.key].escalate;
      const response = await ctx.actor.client.request<{
        escalateIncident: { escalation: { party: { organisationId: string } }; incident: { id: string } };
      }>(ESCALATE, { input: { incidentId: ctx.incident.id, organisationId, requestType: 'TAKEDOWN' } });
      return outcomeOf(
        response,
        (d) =>
          d.escalateIncident.incident.id === ctx.incident.id &&
          d.escalateIncident.escalation.party.organisationId === organisationId,
      );
    },
  },
  {
    name: 'rerouteIncident',
    action: 'REROUTE',
    mutates: true,
    run: async (ctx) =>
      outcomeOf(
        await ctx.actor.client.request<{ rerouteIncident: { incident: { version: number } } }>(REROUTE, {
          input: { incidentId: ctx.incident.id },
        }),
        (d) => d.rerouteIncident.incident.version > 0,
      ),
  },
  incidentMutation(
    'resolveIncident',
    'RESOLVE',
    'status',
    (ctx) => ({ incidentId: ctx.incident.id, outcome: 'MITIGATED', note: `resolved by ${by(ctx)}` }),
    (incident) => incident.status === 'RESOLVED',
    async (ctx) => {
      if ((await statusOf(ctx)) === 'RESOLVED') {
        await ctx.world.coordinator.expectData(REOPEN_AS_COORDINATOR, {
          input: { incidentId: ctx.incident.id, reason: 'matrix: back to open for the next case' },
        });
      }
    },
  ),
  incidentMutation(
    'reopenIncident',
    'REOPEN',
    'status',
    (ctx) => ({ incidentId: ctx.incident.id, reason: `reopened by ${by(ctx)}` }),
    (incident) => incident.status === 'REOPENED',
    async (ctx) => {
      if ((await statusOf(ctx)) !== 'RESOLVED') {
        await ctx.world.coordinator.expectData(RESOLVE_AS_COORDINATOR, {
          input: {
            incidentId: ctx.incident.id,
            outcome: 'MITIGATED',
            note: 'matrix: resolved to be reopened',
          },
        });
      }
    },
  ),
];
