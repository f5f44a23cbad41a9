import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentViewer, RequestContext } from '@app/core/nest';
import type { CommandContext, Viewer } from '@app/core';
import { AddIncidentDomainCommand } from '../commands/add-incident-domain/add-incident-domain.command';
import { AttachEvidenceCommand } from '../commands/attach-evidence/attach-evidence.command';
import { CommentOnIncidentCommand } from '../commands/comment-on-incident/comment-on-incident.command';
import type { ChangeCommandClass } from '../commands/incident-command.base';
import { ReopenIncidentCommand } from '../commands/reopen-incident/reopen-incident.command';
import { toReportIncident } from '../commands/report-incident/report-incident.handler';
import { ReportIncidentCommand } from '../commands/report-incident/report-incident.command';
import { ResolveIncidentCommand } from '../commands/resolve-incident/resolve-incident.command';
import { TriageIncidentCommand } from '../commands/triage-incident/triage-incident.command';
import type { IncidentWriteResult } from '../infrastructure/incident-stream.repository';
import type { IncidentView } from '../projections/incident-view';
import { GetIncidentQuery } from '../queries/get-incident/get-incident.query';
import {
  AddIncidentDomainInput,
  AttachEvidenceInput,
  CommentOnIncidentInput,
  type IncidentChangeInput,
  ReopenIncidentInput,
  ResolveIncidentInput,
  TriageIncidentInput,
} from './incident-change.inputs';
import {
  AddIncidentDomainPayload,
  AttachEvidencePayload,
  CommentOnIncidentPayload,
  IncidentReportPreview,
  ReopenIncidentPayload,
  ReportIncidentPayload,
  ResolveIncidentPayload,
  TriageIncidentPayload,
} from './incident-payloads.type';
import { ReportIncidentInput } from './report-incident.input';

/** Every mutation returns the incident as the read model holds it once it includes the write. */
@Resolver()
export class IncidentMutationsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => ReportIncidentPayload)
  async reportIncident(
    @Args('input') input: ReportIncidentInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<{ incident: IncidentView; replayed: boolean }> {
    const result = await this.commands.execute(new ReportIncidentCommand(input, viewer, context));
    return { incident: await this.read(result), replayed: !result.changed };
  }

  @Mutation(() => IncidentReportPreview, {
    description: 'Checks and normalises a report exactly as reportIncident would, without storing it',
  })
  validateIncidentReport(
    @Args('input') input: ReportIncidentInput,
    @CurrentViewer() viewer: Viewer,
  ): IncidentReportPreview {
    const { domains, urls } = toReportIncident(input, viewer, new Date());
    return { domains: [...domains], urls: [...urls] };
  }

  @Mutation(() => TriageIncidentPayload)
  triageIncident(@Args('input') input: TriageIncidentInput, @RequestContext() context: CommandContext) {
    return this.change(TriageIncidentCommand, input, context);
  }

  @Mutation(() => AddIncidentDomainPayload)
  addIncidentDomain(@Args('input') input: AddIncidentDomainInput, @RequestContext() context: CommandContext) {
    return this.change(AddIncidentDomainCommand, input, context);
  }

  @Mutation(() => AttachEvidencePayload)
  attachEvidence(@Args('input') input: AttachEvidenceInput, @RequestContext() context: CommandContext) {
    return this.change(AttachEvidenceCommand, input, context);
  }

  @Mutation(() => CommentOnIncidentPayload)
  commentOnIncident(@Args('input') input: CommentOnIncidentInput, @RequestContext() context: CommandContext) {
    return this.change(CommentOnIncidentCommand, input, context);
  }

  @Mutation(() => ResolveIncidentPayload)
  resolveIncident(@Args('input') input: ResolveIncidentInput, @RequestContext() context: CommandContext) {
    return this.change(ResolveIncidentCommand, input, context);
  }

  @Mutation(() => ReopenIncidentPayload)
  reopenIncident(@Args('input') input: ReopenIncidentInput, @RequestContext() context: CommandContext) {
    return this.change(ReopenIncidentCommand, input, context);
  }

  private async change<Request>(
    CommandClass: ChangeCommandClass<Request>,
    input: IncidentChangeInput & Request,
    context: CommandContext,
  ): Promise<{ incident: IncidentView }> {
    const command = new CommandClass(input.incidentId, input, context, input.expectedVersion ?? null);
    const result = await this.commands.execute(command);
    return { incident: await this.read(result) };
  }

  private read(result: IncidentWriteResult): Promise<IncidentView> {
    return this.queries.execute(new GetIncidentQuery(result.incidentId, result.position));
  }
}
