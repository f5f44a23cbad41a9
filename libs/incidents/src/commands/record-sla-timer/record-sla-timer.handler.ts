import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, uuidV5 } from '@app/core';
import type { EscalationRequest } from '../../domain/escalation.commands';
import type { ExistingIncident } from '../../domain/incident.state';
import { IncidentStreamRepository } from '../../infrastructure/incident-stream.repository';
import { EscalationPlanner } from '../../sla/escalation.planner';
import { RecordSlaTimerCommand } from './record-sla-timer.command';

/** Namespace of the ids of automatic escalations: one breach always escalates under the same id. */
const NEXT_ESCALATION_NAMESPACE = '8d0b3f5e-6c1a-4f7e-9b2d-3a4c5e6f7a8b';

/**
 * Records a fired timer. The decider ignores a timer whose clock no longer runs with that deadline,
 * so a duplicate, late or stale job changes nothing; a breach also prepares the next party's request.
 */
@CommandHandler(RecordSlaTimerCommand)
export class RecordSlaTimerHandler implements ICommandHandler<RecordSlaTimerCommand> {
  constructor(
    private readonly incidents: IncidentStreamRepository,
    private readonly planner: EscalationPlanner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(timer: RecordSlaTimerCommand): Promise<{ changed: boolean }> {
    const { incidentId, escalationId, clock, fraction, dueAt, context } = timer;
    const at = this.clock.now();
    if (fraction !== null) {
      const result = await this.incidents.execute(
        incidentId,
        { type: 'RecordSlaReminder', escalationId, clock, fraction, dueAt, at: at.toISOString() },
        context,
      );
      return { changed: result.changed };
    }
    const { state } = await this.incidents.load(incidentId);
    if (state.kind !== 'existing') return { changed: false };
    const next = await this.nextRequest(state, timer, at);
    const result = await this.incidents.execute(
      incidentId,
      { type: 'RecordSlaBreach', escalationId, clock, dueAt, at: at.toISOString(), next },
      context,
    );
    return { changed: result.changed };
  }

  private async nextRequest(
    state: ExistingIncident,
    timer: RecordSlaTimerCommand,
    at: Date,
  ): Promise<EscalationRequest | null> {
    const escalation = state.escalations[timer.escalationId];
    const [next, ...rest] = escalation?.nextParties ?? [];
    if (!escalation || !next || escalation.escalatedTo !== null) return null;
    // A next party the directory no longer knows must not stop the breach from being recorded.
    return this.planner
      .request({
        escalationId: uuidV5(
          `${timer.escalationId}/${timer.clock}/${timer.dueAt}`,
          NEXT_ESCALATION_NAMESPACE,
        ),
        organisationId: next.organisationId,
        requestType: escalation.requestType,
        domains: escalation.domains,
        message: `Escalated after ${escalation.party.name} let the ${timer.clock.toLowerCase()} deadline ${timer.dueAt} pass`,
        severity: state.severity,
        reporterOrganisationId: state.reporter.organisationId,
        nextParties: rest,
        now: at,
      })
      .catch(() => null);
  }
}
