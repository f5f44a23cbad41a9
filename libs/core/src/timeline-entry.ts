import type { Actor } from './event-metadata';

/** One event of a stream as people read it: what happened, when, who did it and why. */
export interface TimelineEntry {
  readonly version: number;
  readonly type: string;
  readonly summary: string;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly eventId: string;
  readonly correlationId: string;
  readonly causationId: string;
}
