import { Injectable } from '@nestjs/common';
import { type CommandContext, normaliseDomain } from '@app/core';
import { DomainRouter } from '@app/directory';
import { IncidentStreamRepository } from '../infrastructure/incident-stream.repository';

/**
 * Routes each domain of an incident and records the decisions on its stream. Routing the same
 * facts again appends nothing (the decider compares fingerprints), so this is safe to repeat.
 */
@Injectable()
export class IncidentRoutingService {
  constructor(
    private readonly router: DomainRouter,
    private readonly incidents: IncidentStreamRepository,
  ) {}

  load(incidentId: string): ReturnType<IncidentStreamRepository['load']> {
    return this.incidents.load(incidentId);
  }

  async routeIncident(incidentId: string, context: CommandContext): Promise<bigint> {
    const { state } = await this.incidents.load(incidentId);
    if (state.kind === 'absent') return 0n;
    return this.routeDomains(incidentId, state.domains, state.category, context);
  }

  async routeDomains(
    incidentId: string,
    domains: readonly string[],
    category: string,
    context: CommandContext,
  ): Promise<bigint> {
    let position = 0n;
    for (const name of domains) {
      const decision = await this.router.route(normaliseDomain(name), category);
      const result = await this.incidents.execute(
        incidentId,
        { type: 'RecordRouting', domain: name, decision },
        context,
      );
      position = result.position > position ? result.position : position;
    }
    return position;
  }
}
