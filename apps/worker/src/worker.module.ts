import { Module } from '@nestjs/common';
import { IncidentsModule } from '@app/incidents';
import { IncidentRoutingWorker } from './incident-routing.worker';
import { ProjectionCatchUpService } from './projection-catch-up.service';

/** Background work: projection catch-up and routing of reported incidents; SLA clocks join later. */
@Module({ imports: [IncidentsModule], providers: [ProjectionCatchUpService, IncidentRoutingWorker] })
export class WorkerModule {}
