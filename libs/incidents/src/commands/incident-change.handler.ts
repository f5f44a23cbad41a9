import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { IncidentCommand } from '../domain/incident.commands';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../infrastructure/incident-stream.repository';
import type { ChangeCommandClass, IncidentChangeCommand } from './incident-command.base';

/**
 * The handler of a change to an existing incident: parse the input into the decider's command, then
 * load, decide and append. Slices differ only in their command class and parser, so each slice's
 * handler file is one line naming them.
 */
export function incidentChangeHandler<Input>(
  commandClass: ChangeCommandClass<Input>,
  parse: (input: Input) => IncidentCommand,
): new (incidents: IncidentStreamRepository) => ICommandHandler<IncidentChangeCommand<Input>> {
  @CommandHandler(commandClass)
  class IncidentChangeHandler implements ICommandHandler<IncidentChangeCommand<Input>> {
    constructor(private readonly incidents: IncidentStreamRepository) {}

    execute(command: IncidentChangeCommand<Input>): Promise<IncidentWriteResult> {
      const { incidentId, input, context, expectedVersion } = command;
      return this.incidents.execute(incidentId, parse(input), context, expectedVersion);
    }
  }
  Object.defineProperty(IncidentChangeHandler, 'name', {
    value: `${commandClass.name.replace(/Command$/, '')}Handler`,
  });
  return IncidentChangeHandler;
}
