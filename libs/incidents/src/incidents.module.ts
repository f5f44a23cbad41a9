import { Module } from '@nestjs/common';
import { DirectoryModule } from '@app/directory';
import { IncidentRoutingResolver } from './routing/incident-routing.resolver';
import { IncidentRoutingService } from './routing/incident-routing.service';
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
    IncidentRoutingResolver,
    IncidentRoutingProcess,
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
  exports: [IncidentRoutingService, IncidentRoutingProcess, IncidentStreamRepository],
})
export class IncidentsModule {}
