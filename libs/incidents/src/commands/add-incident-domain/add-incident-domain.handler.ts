import { parseAddIncidentDomain } from '../../domain/incident.command-parsers';
import { incidentChangeHandler } from '../incident-change.handler';
import { AddIncidentDomainCommand } from './add-incident-domain.command';

export const AddIncidentDomainHandler = incidentChangeHandler(
  AddIncidentDomainCommand,
  parseAddIncidentDomain,
);
