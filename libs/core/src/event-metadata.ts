/**
 * Who caused an event: a `member` acting through an API token, or the centre itself (`system`:
 * timers, routing, imports). `anonymous` marks events recorded before members existed.
 */
export interface Actor {
  readonly kind: 'member' | 'anonymous' | 'system';
  readonly organisationId: string | null;
  readonly memberId: string | null;
}

export const anonymousActor: Actor = { kind: 'anonymous', organisationId: null, memberId: null };
export const systemActor: Actor = { kind: 'system', organisationId: null, memberId: null };

/** Stored with every event; the causal chain lets a timeline show why something happened. */
export interface EventMetadata {
  readonly eventId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
  /** ISO 8601 instant at which the command that produced the event was decided. */
  readonly occurredAt: string;
}

/** What a command carries so that the events it produces can be traced back to the request. */
export interface CommandContext {
  readonly actor: Actor;
  readonly correlationId: string;
  /** The id of the request or event that caused this command. */
  readonly causationId: string;
}
