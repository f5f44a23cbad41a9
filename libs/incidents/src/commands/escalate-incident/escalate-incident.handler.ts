import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, ConflictError, isCoordinator, normaliseDomain, uuidV7 } from '@app/core';
import { IncidentStreamRepository } from '../../infrastructure/incident-stream.repository';
import { IncidentAccessService } from '../../infrastructure/incident-access.service';
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
    private readonly access: IncidentAccessService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, viewer, context }: EscalateIncidentCommand): Promise<EscalationWriteResult> {
    const incident = await this.access.allowed(viewer, 'ESCALATE', request.incidentId);
    const domains = request.domains?.length
      ? [...new Set(request.domains.map((d, i) => normaliseDomain(d, `domains[${i}]`).name))]
      : incident.domains.map((d) => d.name);
    // TLP:RED goes to named recipients only: the chain keeps the named ones and the centre.
    const named = new Set((incident.recipients ?? []).map((r) => r.organisationId));
    const chain = chainParties(incident.routing?.find((r) => r.domain === domains[0])).filter(
      (p) => incident.tlp !== 'RED' || named.has(p.organisationId) || p.kind === 'COORDINATION_CENTRE',
    );
    const recipient = request.organisationId ?? chain[0]?.organisationId;
    if (
      recipient &&
      incident.tlp === 'RED' &&
      !named.has(recipient) &&
      !chain.some((p) => p.organisationId === recipient)
    ) {
      throw new ConflictError(
        'The incident is TLP:RED: name the organisation as a recipient (shareIncident) before escalating to it',
      );
    }
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
      requesterUnverified: !isCoordinator(viewer) && !viewer.organisationVerified,
    });
    const result = await this.incidents.execute(
      incident.id,
      { type: 'EscalateIncident', ...planned },
      context,
    );
    return { incidentId: incident.id, escalationId, position: result.position };
  }
}
