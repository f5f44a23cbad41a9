import { parseResolveIncident } from '../../domain/incident.command-parsers';
import { incidentChangeHandler } from '../incident-change.handler';
import { ResolveIncidentCommand } from './resolve-incident.command';

export const ResolveIncidentHandler = incidentChangeHandler(ResolveIncidentCommand, parseResolveIncident);
