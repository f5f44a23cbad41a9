import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequestContext } from '@app/core/nest';
import type { CommandContext, Viewer } from '@app/core';
import { AcknowledgeEscalationCommand } from '../commands/acknowledge-escalation/acknowledge-escalation.command';
import { ApproveEscalationCommand } from '../commands/approve-escalation/approve-escalation.command';
import { DeclineTakedownCommand } from '../commands/decline-takedown/decline-takedown.command';
import { EscalateIncidentCommand } from '../commands/escalate-incident/escalate-incident.command';
import type { EscalationChangeCommandClass, EscalationWriteResult } from '../commands/escalation-change.base';
import { ProvideInformationCommand } from '../commands/provide-information/provide-information.command';
import { RecordTakedownActionCommand } from '../commands/record-takedown-action/record-takedown-action.command';
import { RequestMoreInformationCommand } from '../commands/request-more-information/request-more-information.command';
import { WithdrawEscalationCommand } from '../commands/withdraw-escalation/withdraw-escalation.command';
import { EscalationNotFoundError } from '../domain/escalation.errors';
import { GetIncidentQuery } from '../queries/get-incident/get-incident.query';
import { EscalationPayload } from './escalation-payload.type';
import { presentEscalation } from './escalation.presenter';
import {
  DeclineTakedownInput,
  EscalateIncidentInput,
  EscalationRefInput,
  ProvideInformationInput,
  RecordTakedownActionInput,
  RequestMoreInformationInput,
  WithdrawEscalationInput,
} from './escalation.inputs';
import type { IncidentType } from './incident.type';

/** Requests to parties and their answers; each returns the escalation once the read model has it. */
@Resolver()
export class EscalationMutationsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => EscalationPayload, {
    description: 'Sends a request to a party (coordinators, the reporting organisation)',
  })
  async escalateIncident(
    @Args('input') input: EscalateIncidentInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ): Promise<EscalationPayload> {
    return this.read(await this.commands.execute(new EscalateIncidentCommand(input, viewer, context)));
  }

  @Mutation(() => EscalationPayload, {
    description:
      "A coordinator lets an unverified organisation's request to a registrar through; its clocks start",
  })
  approveEscalation(
    @Args('input') input: EscalationRefInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ) {
    return this.change(ApproveEscalationCommand, input.escalationId, {}, viewer, context);
  }

  @Mutation(() => EscalationPayload, { description: 'The addressed party confirms it received the request' })
  acknowledgeEscalation(
    @Args('input') input: EscalationRefInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ) {
    return this.change(AcknowledgeEscalationCommand, input.escalationId, {}, viewer, context);
  }

  @Mutation(() => EscalationPayload, {
    description: 'The addressed party asks the reporter a question; its clocks pause',
  })
  requestMoreInformation(
    @Args('input') input: RequestMoreInformationInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ) {
    return this.change(
      RequestMoreInformationCommand,
      input.escalationId,
      { question: input.question },
      viewer,
      context,
    );
  }

  @Mutation(() => EscalationPayload, {
    description: 'The reporter answers; the clocks resume with the time they had left',
  })
  provideInformation(
    @Args('input') input: ProvideInformationInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ) {
    return this.change(
      ProvideInformationCommand,
      input.escalationId,
      { answer: input.answer },
      viewer,
      context,
    );
  }

  @Mutation(() => EscalationPayload, {
    description: 'The addressed party records what it did; the clocks stop',
  })
  recordTakedownAction(
    @Args('input') input: RecordTakedownActionInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ) {
    return this.change(
      RecordTakedownActionCommand,
      input.escalationId,
      { action: input.action, evidence: input.evidence },
      viewer,
      context,
    );
  }

  @Mutation(() => EscalationPayload, {
    description: 'The addressed party declines, saying why; the clocks stop',
  })
  declineTakedown(
    @Args('input') input: DeclineTakedownInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ) {
    return this.change(
      DeclineTakedownCommand,
      input.escalationId,
      { reasonCode: input.reasonCode, reason: input.reason },
      viewer,
      context,
    );
  }

  @Mutation(() => EscalationPayload, { description: 'The requester withdraws the request; the clocks stop' })
  withdrawEscalation(
    @Args('input') input: WithdrawEscalationInput,
    @CurrentViewer() viewer: Viewer,
    @RequestContext() context: CommandContext,
  ) {
    return this.change(
      WithdrawEscalationCommand,
      input.escalationId,
      { reason: input.reason },
      viewer,
      context,
    );
  }

  private async change<Input>(
    CommandClass: EscalationChangeCommandClass<Input>,
    escalationId: string,
    input: Input,
    viewer: Viewer,
    context: CommandContext,
  ): Promise<EscalationPayload> {
    return this.read(await this.commands.execute(new CommandClass(escalationId, input, viewer, context)));
  }

  private async read(result: EscalationWriteResult): Promise<EscalationPayload> {
    const incident = await this.queries.execute(new GetIncidentQuery(result.incidentId, result.position));
    const view = incident.escalations?.find((e) => e.escalationId === result.escalationId);
    if (!view) throw new EscalationNotFoundError(result.escalationId);
    return {
      escalation: presentEscalation(view, incident.id),
      incident: incident as unknown as IncidentType,
    };
  }
}
