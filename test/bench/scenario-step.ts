import type { Actor } from '@app/core';
import type { IncidentCommand } from '../../libs/incidents/src/domain/incident.commands';
import type { ExistingIncident, IncidentState } from '../../libs/incidents/src/domain/incident.state';

/** The ids one incident's history uses; all derived from its number, so a log is the same every run. */
export interface IncidentIds {
  readonly n: number;
  readonly incidentId: string;
  readonly escalationIds: readonly [string, string];
  readonly commentIds: readonly [string, string];
  readonly evidenceId: string;
}

/** What one step asks of the deciders, who asks, and when (a deadline's step waits for its deadline). */
export interface ScenarioStep {
  readonly command: IncidentCommand;
  readonly actor: Actor;
  readonly at: Date;
}

/** The next command of a history, from the incident's state as the deciders left it. */
export type Step = (ids: IncidentIds, state: ExistingIncident, now: Date) => ScenarioStep;

export interface Scenario {
  readonly name: string;
  readonly report: (ids: IncidentIds, now: Date) => ScenarioStep;
  readonly steps: readonly Step[];
}

export const isExisting = (state: IncidentState): state is ExistingIncident => state.kind === 'existing';
