import { parseTriageIncident } from '../../domain/incident.command-parsers';
import { incidentChangeHandler } from '../incident-change.handler';
import { TriageIncidentCommand } from './triage-incident.command';

export const TriageIncidentHandler = incidentChangeHandler(TriageIncidentCommand, parseTriageIncident);
