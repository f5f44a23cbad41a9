import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { DirectoryModule } from '@app/directory';
import { EscalationMutationsResolver } from './graphql/escalation-mutations.resolver';
import { EscalationQueriesResolver } from './graphql/escalation-queries.resolver';
import { EscalateIncidentHandler } from './commands/escalate-incident/escalate-incident.handler';
import { ApproveEscalationHandler } from './commands/approve-escalation/approve-escalation.handler';
import { ShareIncidentHandler } from './commands/share-incident/share-incident.handler';
import { AcknowledgeEscalationHandler } from './commands/acknowledge-escalation/acknowledge-escalation.handler';
import { RequestMoreInformationHandler } from './commands/request-more-information/request-more-information.handler';
import { ProvideInformationHandler } from './commands/provide-information/provide-information.handler';
import { RecordTakedownActionHandler } from './commands/record-takedown-action/record-takedown-action.handler';
import { DeclineTakedownHandler } from './commands/decline-takedown/decline-takedown.handler';
import { WithdrawEscalationHandler } from './commands/withdraw-escalation/withdraw-escalation.handler';
import { RecordSlaTimerHandler } from './commands/record-sla-timer/record-sla-timer.handler';
import { MyEscalationsHandler } from './queries/my-escalations/my-escalations.handler';
import { EscalationPlanner } from './sla/escalation.planner';
import { IncidentSubscriptionsResolver } from './graphql/incident-subscriptions.resolver';
import { SLA_POLICY } from './sla/escalation.planner';
import { loadSlaPolicy } from './sla/sla-policy.loader';
import { IncidentRoutingResolver } from './routing/incident-routing.resolver';
import { IncidentRoutingService } from './routing/incident-routing.service';
import { IncidentAccessService } from './infrastructure/incident-access.service';
import { LeasedLogFollowers } from './infrastructure/leased-log-followers';
import { IncidentRoutingProcess } from './routing/incident-routing.process';
import { AddIncidentDomainHandler } from './commands/add-incident-domain/add-incident-domain.handler';
import { AttachEvidenceHandler } from './commands/attach-evidence/attach-evidence.handler';
import { CommentOnIncidentHandler } from './commands/comment-on-incident/comment-on-incident.handler';
import { ReopenIncidentHandler } from './commands/reopen-incident/reopen-incident.handler';
import { ReportIncidentHandler } from './commands/report-incident/report-incident.handler';
import { ResolveIncidentHandler } from './commands/resolve-incident/resolve-incident.handler';
import { TriageIncidentHandler } from './commands/triage-incident/triage-incident.handler';
import { IncidentMutationsResolver } from './graphql/incident-mutations.resolver';
import { IncidentQueriesResolver } from './graphql/incident-queries.resolver';
import { IncidentStreamRepository } from './infrastructure/incident-stream.repository';
import { GetEvidenceContentHandler } from './queries/get-evidence-content/get-evidence-content.handler';
import { GetIncidentHandler } from './queries/get-incident/get-incident.handler';
import { IncidentAsOfHandler } from './queries/incident-as-of/incident-as-of.handler';
import { IncidentTimelineHandler } from './queries/incident-timeline/incident-timeline.handler';
import { ListIncidentsHandler } from './queries/list-incidents/list-incidents.handler';

/** The incident context: commands, queries and their GraphQL face. Needs EVENT_STORE and READ_MODEL. */
@Module({
  imports: [DirectoryModule],
  providers: [
    IncidentRoutingService,
    IncidentAccessService,
    IncidentRoutingResolver,
    IncidentRoutingProcess,
    LeasedLogFollowers,
    EscalationMutationsResolver,
    EscalationQueriesResolver,
    EscalateIncidentHandler,
    ApproveEscalationHandler,
    ShareIncidentHandler,
    AcknowledgeEscalationHandler,
    RequestMoreInformationHandler,
    ProvideInformationHandler,
    RecordTakedownActionHandler,
    DeclineTakedownHandler,
    WithdrawEscalationHandler,
    RecordSlaTimerHandler,
    MyEscalationsHandler,
    EscalationPlanner,
    IncidentSubscriptionsResolver,
    {
      provide: SLA_POLICY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loadSlaPolicy(config.SLA_POLICY),
    },
    IncidentStreamRepository,
    ReportIncidentHandler,
    TriageIncidentHandler,
    AddIncidentDomainHandler,
    AttachEvidenceHandler,
    CommentOnIncidentHandler,
    ResolveIncidentHandler,
    ReopenIncidentHandler,
    GetIncidentHandler,
    ListIncidentsHandler,
    IncidentAsOfHandler,
    IncidentTimelineHandler,
    GetEvidenceContentHandler,
    IncidentQueriesResolver,
    IncidentMutationsResolver,
  ],
  exports: [IncidentRoutingService, IncidentRoutingProcess, IncidentStreamRepository, LeasedLogFollowers],
})
export class IncidentsModule {}
