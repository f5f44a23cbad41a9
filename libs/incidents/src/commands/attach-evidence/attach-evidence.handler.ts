import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig, newEventId } from '@app/core';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { AttachEvidenceCommand } from './attach-evidence.command';
import { parseEvidence } from './parse-evidence';

@CommandHandler(AttachEvidenceCommand)
export class AttachEvidenceHandler implements ICommandHandler<AttachEvidenceCommand> {
  constructor(
    private readonly incidents: IncidentStreamRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({
    incidentId,
    input,
    context,
    expectedVersion,
  }: AttachEvidenceCommand): Promise<IncidentWriteResult> {
    const command = parseEvidence(input, newEventId(), this.config.EVIDENCE_CONTENT_MAX_BYTES);
    return this.incidents.execute(incidentId, command, context, expectedVersion);
  }
}
