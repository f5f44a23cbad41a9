import { Inject, Injectable } from '@nestjs/common';
import {
  CLOCK,
  type Clock,
  type CommandContext,
  ConflictError,
  InvalidInputError,
  isUuid,
  newEventId,
} from '@app/core';
import {
  EVENT_STORE,
  type EventStore,
  type ExpectedRevision,
  WrongExpectedRevisionError,
} from '@app/event-store';
import type { IncidentCommand } from '../domain/incident.commands';
import { decideIncident } from '../domain/incident.decider';
import { IncidentNotFoundError } from '../domain/incident.errors';
import { incidentStreamId, type IncidentEvent } from '../domain/incident.events';
import { evolveIncident, initialIncidentState, type IncidentState } from '../domain/incident.state';
import { fromRecordedEvent, toEventData } from './incident-event.codec';

/** The stream's version as clients see it: the number of events in it. */
export interface IncidentWriteResult {
  readonly incidentId: string;
  readonly version: number;
  readonly position: bigint;
  /** False when the decider found nothing to change (an idempotent retry or no-op). */
  readonly changed: boolean;
}

/** Thrown when a client's `expectedVersion` is not the incident's current version. */
export class StaleVersionError extends ConflictError {
  constructor(incidentId: string, expected: number, actual: number) {
    super(`Incident ${incidentId} is at version ${actual}, not ${expected}: reload it and retry`, {
      expectedVersion: expected,
      actualVersion: actual,
    });
  }
}

const MAX_ATTEMPTS = 3;
const NEW_STREAM = { state: initialIncidentState, version: 0, position: 0n } as const;

/**
 * Load, decide, append: the one write path of the incident context. A concurrent writer is
 * retried by re-deciding against the new state, unless the client pinned `expectedVersion`.
 */
@Injectable()
export class IncidentStreamRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async load(incidentId: string): Promise<{ state: IncidentState; version: number; position: bigint }> {
    let state = initialIncidentState;
    let version = 0;
    let position = 0n;
    for await (const recorded of this.store.readStream(incidentStreamId(incidentId))) {
      state = evolveIncident(state, fromRecordedEvent(recorded).event);
      version += 1;
      position = recorded.position;
    }
    return { state, version, position };
  }

  async execute(
    incidentId: string,
    command: IncidentCommand,
    context: CommandContext,
    expectedVersion: number | null = null,
  ): Promise<IncidentWriteResult> {
    if (!isUuid(incidentId)) throw new InvalidInputError('incidentId', incidentId, 'is not an incident id');
    for (let attempt = 1; ; attempt += 1) {
      // A report nearly always creates its stream, so its first attempt skips the read: the append's
      // `no_stream` expectation catches a retried report, and the next attempt loads and re-decides.
      const optimistic = attempt === 1 && command.type === 'ReportIncident';
      const { state, version, position } = optimistic ? NEW_STREAM : await this.load(incidentId);
      if (state.kind === 'absent' && command.type !== 'ReportIncident') {
        throw new IncidentNotFoundError(incidentId);
      }
      if (expectedVersion !== null && expectedVersion !== version) {
        throw new StaleVersionError(incidentId, expectedVersion, version);
      }
      const events = decideIncident(command, state);
      if (events.length === 0) return { incidentId, version, position, changed: false };
      try {
        const result = await this.append(incidentId, events, context, revisionOf(version));
        return { incidentId, version: version + events.length, position: result.position, changed: true };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (expectedVersion !== null) {
          throw new StaleVersionError(incidentId, expectedVersion, Number(error.actual + 1n));
        }
        if (attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private append(
    incidentId: string,
    events: readonly IncidentEvent[],
    context: CommandContext,
    expectedRevision: ExpectedRevision,
  ): Promise<{ position: bigint }> {
    const occurredAt = this.clock.now().toISOString();
    const data = events.map((event) =>
      toEventData(event, {
        eventId: newEventId(),
        correlationId: context.correlationId,
        causationId: context.causationId,
        actor: context.actor,
        occurredAt,
      }),
    );
    return this.store.append(incidentStreamId(incidentId), data, { expectedRevision });
  }
}

const revisionOf = (version: number): ExpectedRevision => (version === 0 ? 'no_stream' : BigInt(version - 1));
