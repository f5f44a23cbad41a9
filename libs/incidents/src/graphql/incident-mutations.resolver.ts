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
import { IncidentAccessService } from '../infrastructure/incident-access.service';
import type { IncidentAction } from '@app/access';
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
  ShareIncidentPayload,
  TriageIncidentPayload,
} from './incident-payloads.type';
import { ReportIncidentInput } from './report-incident.input';
import { ShareIncidentCommand } from '../commands/share-incident/share-incident.command';
import { ShareIncidentInput } from './incident-change.inputs';

/** Every mutation returns the incident as the read model holds it once it includes the write. */
@Resolver()
export class IncidentMutationsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly access: IncidentAccessService,
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

  @Mutation(() => ShareIncidentPayload, {
    description: 'Names an organisation as a recipient: what TLP:RED requires before it may see or be asked',
  })
  async shareIncident(
    @Args('input') input: ShareIncidentInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<{ incident: IncidentView }> {
    const result = await this.commands.execute(
      new ShareIncidentCommand(input.incidentId, input.organisationId, viewer, context),
    );
    return { incident: await this.read(result) };
  }

  @Mutation(() => TriageIncidentPayload)
  triageIncident(
    @Args('input') input: TriageIncidentInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ) {
    return this.change(TriageIncidentCommand, 'TRIAGE', input, viewer, context);
  }

  @Mutation(() => AddIncidentDomainPayload)
  addIncidentDomain(
    @Args('input') input: AddIncidentDomainInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ) {
    return this.change(AddIncidentDomainCommand, 'ADD_DOMAIN', input, viewer, context);
  }

  @Mutation(() => AttachEvidencePayload)
  attachEvidence(
    @Args('input') input: AttachEvidenceInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ) {
    return this.change(AttachEvidenceCommand, 'ATTACH_EVIDENCE', input, viewer, context);
  }

  @Mutation(() => CommentOnIncidentPayload)
  commentOnIncident(
    @Args('input') input: CommentOnIncidentInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ) {
    return this.change(CommentOnIncidentCommand, 'COMMENT', input, viewer, context);
  }

  @Mutation(() => ResolveIncidentPayload)
  resolveIncident(
    @Args('input') input: ResolveIncidentInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ) {
    return this.change(ResolveIncidentCommand, 'RESOLVE', input, viewer, context);
  }

  @Mutation(() => ReopenIncidentPayload)
  reopenIncident(
    @Args('input') input: ReopenIncidentInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ) {
    return this.change(ReopenIncidentCommand, 'REOPEN', input, viewer, context);
  }

  private async change<Request>(
    CommandClass: ChangeCommandClass<Request>,
    action: IncidentAction,
    input: IncidentChangeInput & Request,
    viewer: Viewer,
    context: CommandContext,
  ): Promise<{ incident: IncidentView }> {
    await this.access.allowed(viewer, action, input.incidentId);
    const command = new CommandClass(input.incidentId, input, context, input.expectedVersion ?? null);
    const result = await this.commands.execute(command);
    return { incident: await this.read(result) };
  }

  private read(result: IncidentWriteResult): Promise<IncidentView> {
    return this.queries.execute(new GetIncidentQuery(result.incidentId, result.position));
  }
}
