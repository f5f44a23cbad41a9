import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CLOCK,
  type Clock,
  ForbiddenError,
  InvalidInputError,
  isCoordinator,
  isUuid,
  type Viewer,
} from '@app/core';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import type { EscalationCommand } from '../domain/escalation.commands';
import { EscalationNotFoundError } from '../domain/escalation.errors';
import type { EscalationState } from '../domain/escalation.state';
import type { ExistingIncident } from '../domain/incident.state';
import { IncidentStreamRepository } from '../infrastructure/incident-stream.repository';
import { IncidentAccessService } from '../infrastructure/incident-access.service';
import { incidentsQueryBuilder as db } from '../projections/incidents.read-model';
import { EscalationPlanner } from '../sla/escalation.planner';
import type {
  EscalationChangeCommand,
  EscalationChangeCommandClass,
  EscalationWriteResult,
} from './escalation-change.base';

/** Who may make a change: the addressed organisation answers, the requester (reporter or coordinators) manages. */
export type EscalationActor = 'addressed party' | 'requester' | 'coordinator';

export interface EscalationChangeSlice<Input> {
  readonly by: EscalationActor;
  readonly action: string;
  toCommand(
    input: Input,
    at: Date,
    escalation: EscalationState,
    incident: ExistingIncident,
    planner: EscalationPlanner,
  ): EscalationCommand | Promise<EscalationCommand>;
}

/** Builds the handler of one escalation mutation: find the escalation, check who asks, decide, append. */
export function escalationChangeHandler<Input>(
  commandClass: EscalationChangeCommandClass<Input>,
  slice: EscalationChangeSlice<Input>,
): new (
  incidents: IncidentStreamRepository,
  planner: EscalationPlanner,
  access: IncidentAccessService,
  readModel: ReadModelAccess,
  clock: Clock,
) => ICommandHandler<EscalationChangeCommand<Input>> {
  @CommandHandler(commandClass)
  class EscalationChangeHandler implements ICommandHandler<EscalationChangeCommand<Input>> {
    constructor(
      private readonly incidents: IncidentStreamRepository,
      private readonly planner: EscalationPlanner,
      private readonly access: IncidentAccessService,
      @Inject(READ_MODEL) private readonly readModel: ReadModelAccess,
      @Inject(CLOCK) private readonly clock: Clock,
    ) {}

    async execute({
      escalationId,
      input,
      viewer,
      context,
    }: EscalationChangeCommand<Input>): Promise<EscalationWriteResult> {
      if (!isUuid(escalationId))
        throw new InvalidInputError('escalationId', escalationId, 'is not an escalation id');
      const row = await this.readModel.sql.first(
        db
          .selectFrom('escalation_view')
          .select(['incident_id', 'organisation_id'])
          .where('escalation_id', '=', escalationId),
      );
      if (!row) throw new EscalationNotFoundError(escalationId);
      // An escalation of an incident the caller may not see does not exist for them, like the incident.
      await this.access.visible(viewer, row.incident_id).catch(() => {
        throw new EscalationNotFoundError(escalationId);
      });
      const { state } = await this.incidents.load(row.incident_id);
      const escalation = state.kind === 'existing' ? state.escalations[escalationId] : undefined;
      if (state.kind !== 'existing' || !escalation) throw new EscalationNotFoundError(escalationId);
      authorise(slice, viewer, escalation, state);
      const command = await slice.toCommand(input, this.clock.now(), escalation, state, this.planner);
      const result = await this.incidents.execute(state.incidentId, command, context);
      return { incidentId: state.incidentId, escalationId, position: result.position };
    }
  }
  Object.defineProperty(EscalationChangeHandler, 'name', {
    value: `${commandClass.name.replace(/Command$/, '')}Handler`,
  });
  return EscalationChangeHandler;
}

function authorise(
  slice: EscalationChangeSlice<unknown>,
  viewer: Viewer,
  escalation: EscalationState,
  incident: ExistingIncident,
): void {
  if (slice.by === 'coordinator') {
    if (!isCoordinator(viewer))
      throw new ForbiddenError(`Only coordinators can ${slice.action} an escalation`);
    return;
  }
  if (slice.by === 'addressed party') {
    // Awaiting approval, the request is not the party's yet: to it, it does not exist.
    if (escalation.status === 'PENDING_APPROVAL' && !isCoordinator(viewer))
      throw new EscalationNotFoundError(escalation.escalationId);
    if (viewer.organisationId !== escalation.party.organisationId) {
      throw new ForbiddenError(
        `Only members of ${escalation.party.name} can ${slice.action} this escalation`,
      );
    }
    return;
  }
  if (!isCoordinator(viewer) && viewer.organisationId !== incident.reporter.organisationId) {
    throw new ForbiddenError(
      `Only coordinators and the reporting organisation can ${slice.action} this escalation`,
    );
  }
}
