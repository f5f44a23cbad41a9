import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, uuidV5, uuidV7 } from '@app/core';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { parseReportIncident } from './parse-report-incident';
import { ReportIncidentCommand } from './report-incident.command';

/** Namespace of incident ids derived from (reporter, idempotency key): a retry finds the same stream. */
const IDEMPOTENT_INCIDENT_NAMESPACE = '6f1c7a52-3d1e-4b8a-9a57-0d6c2f4e8b11';

@CommandHandler(ReportIncidentCommand)
export class ReportIncidentHandler implements ICommandHandler<ReportIncidentCommand> {
  constructor(
    private readonly incidents: IncidentStreamRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ request, context }: ReportIncidentCommand): Promise<IncidentWriteResult> {
    const command = parseReportIncident(request, context, (scope) =>
      scope === null ? uuidV7(this.clock.now().getTime()) : uuidV5(scope, IDEMPOTENT_INCIDENT_NAMESPACE),
    );
    return this.incidents.execute(command.incidentId, command, context);
  }
}
