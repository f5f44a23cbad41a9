import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import { type ClockKey, timersFiringBefore } from './sla-clock.rows';
import { SlaClockQueue } from './sla-clock.queue';

const PAGE = 5000;

export interface ReconcileReport {
  readonly full: boolean;
  readonly timers: number;
}

/**
 * Events are the truth, Redis a cache of timers. At start, and whenever Redis lost its data (the
 * epoch key is gone), every running clock's timer is re-created from the open-clocks read model;
 * in between, each pass re-creates the timers due soon, in case a job was lost. Overdue timers fire
 * at once, and the decider makes a timer that already took effect change nothing.
 */
@Injectable()
export class SlaReconciler {
  private readonly logger = new Logger(SlaReconciler.name);

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModelAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clocks: SlaClockQueue,
  ) {}

  async reconcile(now: Date = new Date()): Promise<ReconcileReport> {
    const full = !(await this.clocks.hasEpoch());
    const horizon = full
      ? null
      : new Date(now.getTime() + 2 * this.config.SLA_RECONCILE_INTERVAL_MS).toISOString();
    let timers = 0;
    for (let after: ClockKey | null = null; ;) {
      const page = await timersFiringBefore(this.readModel.sql, horizon, PAGE, after);
      // Each page measured from its own moment: one `now` for all would fire later pages late.
      await this.clocks.schedule(page, Date.now());
      timers += page.length;
      const last = page.at(-1);
      if (!last || page.length < PAGE) break;
      after = last;
    }
    if (full) {
      await this.clocks.markEpoch();
      this.logger.log(`Re-created ${timers} SLA timers from the open clocks`);
    }
    return { full, timers };
  }
}
