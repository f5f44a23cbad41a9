import { Inject, Injectable } from '@nestjs/common';
import { type CommandContext, DomainError, newEventId, systemActor } from '@app/core';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import type { SyncOrganisationFromReference } from '../domain/organisation.commands';
import { OrganisationStreamRepository } from '../infrastructure/organisation-stream.repository';
import type { ReferenceDataSet } from '../reference-data/reference-data.loader';
import type { Rejection } from '../reference-data/reference-records';
import { planDirectoryImport } from './directory-import.plan';
import { RootZoneRepository } from './root-zone.repository';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface DirectoryImportSummary {
  readonly organisations: ImportCounts;
  readonly tlds: ImportCounts & { withdrawn: number };
  readonly rejected: readonly Rejection[];
  readonly skipped: ReadonlyMap<string, number>;
  readonly events: number;
}

/** Organisations written at once: enough to fill the store's group commit, few enough to stay polite. */
const CONCURRENCY = 16;

/**
 * Brings the directory to what a reference data set says. Each organisation is synced through its
 * own decider, so only real differences become events and a second run over the same files adds
 * nothing. An organisation the decider refuses is reported, not fatal.
 */
@Injectable()
export class DirectoryImportService {
  constructor(
    private readonly organisations: OrganisationStreamRepository,
    private readonly rootZone: RootZoneRepository,
    @Inject(READ_MODEL) private readonly readModel: ReadModelAccess,
  ) {}

  async run(
    data: ReferenceDataSet,
    onProgress: (done: number, total: number) => void = () => undefined,
  ): Promise<DirectoryImportSummary> {
    const plan = planDirectoryImport(data);
    const id = newEventId();
    const context: CommandContext = {
      actor: systemActor,
      correlationId: `directory-import-${id}`,
      causationId: data.from,
    };
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    const rejected: Rejection[] = [...plan.rejections];
    let events = 0;
    let done = 0;
    let last = 0n;
    const queue = [...plan.organisations];
    const work = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          const result = await this.organisations.execute(next.organisationId, next, context);
          events += result.events.length;
          if (result.position > last) last = result.position;
          if (result.events[0]?.type === 'OrganisationRegistered') counts.created += 1;
          else if (result.events.length > 0) counts.updated += 1;
          else counts.unchanged += 1;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          rejected.push({ file: sourceOf(next), line: 0, reason: `${next.name}: ${error.message}` });
        }
        onProgress((done += 1), plan.organisations.length);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, work));
    const before = await this.rootZone.knownTlds();
    const zone = await this.rootZone.sync(plan.tlds, data.from, context);
    events += zone.events.length;
    if (zone.position > last) last = zone.position;
    await this.readModel.waitFor(last);
    const recorded = zone.events.filter((e) => e.type === 'TldRecorded');
    const created = recorded.filter((e) => !before.has(e.data.tld)).length;
    return {
      organisations: counts,
      tlds: {
        created,
        updated: recorded.length - created,
        unchanged: plan.tlds.length - recorded.length,
        withdrawn: zone.events.length - recorded.length,
      },
      rejected,
      skipped: plan.skipped,
      events,
    };
  }
}

const sourceOf = (command: SyncOrganisationFromReference): string => command.source.slice('IMPORT:'.length);
