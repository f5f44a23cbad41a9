import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IncidentRoutingProcess } from '@app/incidents';

/** Runs automatic routing of reported incidents in the worker role. */
@Injectable()
export class IncidentRoutingWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly process: IncidentRoutingProcess) {}

  onApplicationBootstrap(): Promise<void> {
    return this.process.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.process.stop();
  }
}
