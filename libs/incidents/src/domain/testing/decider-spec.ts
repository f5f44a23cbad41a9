import { deciderSpec } from '@app/core/testing';
import { decideIncident } from '../incident.decider';
import { evolveIncident, initialIncidentState } from '../incident.state';

/** given/when/then for the incident decider (see deciderSpec). */
export const given = deciderSpec(decideIncident, evolveIncident, () => initialIncidentState);
