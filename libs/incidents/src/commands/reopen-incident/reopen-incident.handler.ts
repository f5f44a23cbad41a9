import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReopenIncident } from '../../domain/incident.commands';
import { MAX_REOPEN_REASON_LENGTH, requiredText } from '../../domain/incident.input-limits';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { ReopenIncidentCommand } from './reopen-incident.command';

@CommandHandler(ReopenIncidentCommand)
export class ReopenIncidentHandler implements ICommandHandler<ReopenIncidentCommand> {
  constructor(private readonly incidents: IncidentStreamRepository) {}

  execute({ incidentId, input, context, expectedVersion }: ReopenIncidentCommand): Promise<IncidentWriteResult> {
    const command: ReopenIncident = {
      type: 'ReopenIncident',
      reason: requiredText('reason', input.reason, MAX_REOPEN_REASON_LENGTH),
    };
    return this.incidents.execute(incidentId, command, context, expectedVersion);
  }
}
