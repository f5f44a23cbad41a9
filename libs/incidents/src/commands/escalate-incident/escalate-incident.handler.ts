import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import {
  CLOCK,
  type Clock,
  ConflictError,
  ForbiddenError,
  isCoordinator,
  normaliseDomain,
  uuidV7,
} from '@app/core';
import { IncidentStreamRepository } from '../../infrastructure/incident-stream.repository';
import { GetIncidentQuery } from '../../queries/get-incident/get-incident.query';
import { chainParties, partiesAfter } from '../../sla/escalation-chain';
import { EscalationPlanner } from '../../sla/escalation.planner';
import type { EscalationWriteResult } from '../escalation-change.base';
import { optionalText } from '../escalation-texts';
import { EscalateIncidentCommand } from './escalate-incident.command';

/**
 * Sends a request to a party: coordinators and the reporting organisation escalate. Routing gives
 * the default recipient and the chain that silence will climb.
 */
@CommandHandler(EscalateIncidentCommand)
export class EscalateIncidentHandler implements ICommandHandler<EscalateIncidentCommand> {
  constructor(
    private readonly incidents: IncidentStreamRepository,
    private readonly planner: EscalationPlanner,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, viewer, context }: EscalateIncidentCommand): Promise<EscalationWriteResult> {
    const incident = await this.queries.execute(new GetIncidentQuery(request.incidentId));
    if (!isCoordinator(viewer) && incident.reporter.organisationId !== viewer.organisationId) {
      throw new ForbiddenError('Only coordinators and the reporting organisation can escalate an incident');
    }
    const domains = request.domains?.length
      ? [...new Set(request.domains.map((d, i) => normaliseDomain(d, `domains[${i}]`).name))]
      : incident.domains.map((d) => d.name);
    const chain = chainParties(incident.routing?.find((r) => r.domain === domains[0]));
    const recipient = request.organisationId ?? chain[0]?.organisationId;
    if (!recipient) {
      throw new ConflictError(
        `Routing found no directory organisation for ${domains[0] ?? 'the incident'}: name the organisation to escalate to`,
      );
    }
    const escalationId = uuidV7();
    const planned = await this.planner.request({
      escalationId,
      organisationId: recipient,
      requestType: request.requestType,
      domains,
      message: optionalText('message', request.message),
      severity: incident.severity,
      reporterOrganisationId: incident.reporter.organisationId,
      nextParties: partiesAfter(chain, recipient),
      now: this.clock.now(),
    });
    const result = await this.incidents.execute(
      incident.id,
      { type: 'EscalateIncident', ...planned },
      context,
    );
    return { incidentId: incident.id, escalationId, position: result.position };
  }
}
