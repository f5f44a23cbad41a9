import { Module } from '@nestjs/common';
import { ProjectionCatchUpService } from './projection-catch-up.service';

/** Background work: projection catch-up now; SLA clocks and notifications join it later. */
@Module({ providers: [ProjectionCatchUpService] })
export class WorkerModule {}
