import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, uuidV5, uuidV7, type Viewer } from '@app/core';
import { parseReportIncident } from '../../domain/incident.command-parsers';
import type { ReportIncident } from '../../domain/incident.commands';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { ReportIncidentCommand, type ReportIncidentRequest } from './report-incident.command';

/** Namespace of incident ids derived from (reporting organisation, idempotency key): a retry finds the same stream. */
const IDEMPOTENT_INCIDENT_NAMESPACE = '6f1c7a52-3d1e-4b8a-9a57-0d6c2f4e8b11';

/**
 * Parses a report the way every intake path does; the reporter is the caller's organisation. With
 * an idempotency key the incident id is derived from that organisation and the key, so a retry lands on the stream the first attempt created
 * and the decider recognises it; without one the id is a fresh time-ordered UUID.
 */
export function toReportIncident(request: ReportIncidentRequest, viewer: Viewer, now: Date): ReportIncident {
  const command = parseReportIncident({
    ...request,
    incidentId: '',
    tlp: request.tlp ?? 'AMBER',
    reporter: {
      organisationId: viewer.organisationId,
      name: viewer.organisationName,
      contact: request.contact ?? null,
    },
  });
  const { reporter, idempotencyKey } = command;
  const scope = `${reporter.organisationId ?? `name:${reporter.name.toLowerCase()}`}\n${idempotencyKey ?? ''}`;
  const incidentId =
    idempotencyKey === null ? uuidV7(now.getTime()) : uuidV5(scope, IDEMPOTENT_INCIDENT_NAMESPACE);
  return { ...command, incidentId };
}

@CommandHandler(ReportIncidentCommand)
export class ReportIncidentHandler implements ICommandHandler<ReportIncidentCommand> {
  constructor(
    private readonly incidents: IncidentStreamRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ request, viewer, context }: ReportIncidentCommand): Promise<IncidentWriteResult> {
    const command = toReportIncident(request, viewer, this.clock.now());
    return this.incidents.execute(command.incidentId, command, context);
  }
}
