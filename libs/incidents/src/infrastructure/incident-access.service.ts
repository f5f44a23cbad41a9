import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { assertCanDo, assertCanSee, type IncidentAction } from '@app/access';
import type { Viewer } from '@app/core';
import { accessFactsOf } from '../projections/incident-access.read-model';
import type { IncidentView } from '../projections/incident-view';
import { GetIncidentQuery } from '../queries/get-incident/get-incident.query';

/** Loads an incident for a viewer through the access policy: NOT_FOUND when invisible, FORBIDDEN when visible but not theirs to change. */
@Injectable()
export class IncidentAccessService {
  constructor(private readonly queries: QueryBus) {}

  async visible(viewer: Viewer, incidentId: string, minPosition = 0n): Promise<IncidentView> {
    const incident = await this.queries.execute(new GetIncidentQuery(incidentId, minPosition));
    assertCanSee(viewer, accessFactsOf(incident), incidentId);
    return incident;
  }

  async allowed(viewer: Viewer, action: IncidentAction, incidentId: string): Promise<IncidentView> {
    const incident = await this.queries.execute(new GetIncidentQuery(incidentId));
    assertCanDo(viewer, action, accessFactsOf(incident), incidentId);
    return incident;
  }
}
