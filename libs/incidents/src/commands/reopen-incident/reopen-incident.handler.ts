import { parseReopenIncident } from '../../domain/incident.command-parsers';
import { incidentChangeHandler } from '../incident-change.handler';
import { ReopenIncidentCommand } from './reopen-incident.command';

export const ReopenIncidentHandler = incidentChangeHandler(ReopenIncidentCommand, parseReopenIncident);
