import type { CommandContext, Viewer } from '@app/core';
import { Command } from '@nestjs/cqrs';
import type { IncidentCategory, Tlp } from '../../domain/incident.vocabulary';
import type { IncidentWriteResult } from '../../infrastructure/incident-stream.repository';

export interface ReportIncidentRequest {
  readonly domains: readonly string[];
  readonly urls?: readonly string[] | null | undefined;
  readonly category: IncidentCategory;
  readonly description: string;
  /** AMBER when not given: shared with the recipient organisation and its clients only. */
  readonly tlp?: Tlp | null | undefined;
  /** How to reach the reporting analyst; the reporting organisation is the caller's. */
  readonly contact?: string | null | undefined;
  readonly idempotencyKey?: string | null | undefined;
}

/** Result: `changed` is false when an earlier request with the same idempotency key created it. */
export class ReportIncidentCommand extends Command<IncidentWriteResult> {
  constructor(
    readonly request: ReportIncidentRequest,
    readonly viewer: Viewer,
    readonly context: CommandContext,
  ) {
    super();
  }
}
