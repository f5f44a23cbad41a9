import { ForbiddenError, NotFoundError, type Viewer } from '@app/core';
import {
  canDo,
  canSee,
  type IncidentAccessFacts,
  type IncidentAction,
} from './domain/incident-access.policy';

/**
 * Applies the policy where a request touches one incident: an incident the viewer may not see is
 * NOT_FOUND, worded exactly like a missing one, so ids cannot be probed; one it may see but not
 * change is FORBIDDEN.
 */
export function assertCanSee(viewer: Viewer, facts: IncidentAccessFacts, incidentId: string): void {
  if (!canSee(viewer, facts)) throw new NotFoundError('Incident', incidentId);
}

export function assertCanDo(
  viewer: Viewer,
  action: IncidentAction,
  facts: IncidentAccessFacts,
  incidentId: string,
): void {
  assertCanSee(viewer, facts, incidentId);
  if (!canDo(viewer, action, facts)) {
    throw new ForbiddenError(
      `Your organisation cannot ${action.toLowerCase().replaceAll('_', ' ')} this incident`,
    );
  }
}
