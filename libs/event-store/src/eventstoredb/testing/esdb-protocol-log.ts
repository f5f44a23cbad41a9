/**
 * The protocol fake's storage: one in-memory transaction log shared by all streams, as in
 * EventStoreDB, where `$all` is the log itself and a stream is an index over it.
 */

/** An event as the fake stores it: the bytes and metadata the client sent, plus where it landed. */
export interface LoggedEvent {
  readonly id: string;
  readonly streamName: string;
  readonly revision: bigint;
  /** Log offset of the record; commit and prepare position are equal, as for any non-transaction write. */
  readonly position: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch: what the server sends as the `created` metadata. */
  readonly createdTicks: bigint;
}

export type ProposedEvent = Pick<LoggedEvent, 'id' | 'type' | 'contentType' | 'data' | 'customMetadata'>;

export type ExpectedState =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

/** `currentRevision` is -1n for a stream that does not exist; `position` is absent for an empty write. */
export type AppendOutcome =
  | { readonly ok: true; readonly currentRevision: bigint; readonly position: bigint | undefined }
  | { readonly ok: false; readonly currentRevision: bigint };

/** A log position as the protocol carries it: the pair EventStoreDB compares lexicographically. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/**
 * A real log starts with an epoch record at offset 0, so no event ever sits at position 0; the fake
 * keeps that gap. Records then take room for a header plus their bytes, so positions are sparse and
 * an adapter that assumes "next position = previous + 1" fails here as it would on a real server.
 */
const EPOCH_RECORD_SIZE = 128n;
const RECORD_HEADER_SIZE = 96n;
const TICKS_PER_MILLISECOND = 10_000n;

export class InMemoryLog {
  private readonly records: LoggedEvent[] = [];
  private readonly streams = new Map<string, LoggedEvent[]>();
  private readonly listeners = new Set<() => void>();
  private nextPosition = EPOCH_RECORD_SIZE;

  /** Checks the expectation and writes every event or none; synchronous, hence atomic and serialised. */
  append(streamName: string, expected: ExpectedState, proposed: readonly ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamName);
    const current = stream ? BigInt(stream.length - 1) : -1n;
    if (!matches(expected, current)) return { ok: false, currentRevision: current };
    if (proposed.length === 0) return { ok: true, currentRevision: current, position: undefined };

    const written = stream ?? [];
    const createdTicks = BigInt(Date.now()) * TICKS_PER_MILLISECOND;
    for (const event of proposed) {
      const record: LoggedEvent = {
        ...event,
        streamName,
        revision: BigInt(written.length),
        position: this.nextPosition,
        createdTicks,
      };
      this.nextPosition += recordSize(record);
      written.push(record);
      this.records.push(record);
    }
    this.streams.set(streamName, written);
    const last = written[written.length - 1];
    for (const listener of this.listeners) listener();
    return { ok: true, currentRevision: BigInt(written.length - 1), position: last?.position };
  }

  /** The stream's events in revision order, or undefined when it does not exist. */
  stream(streamName: string): readonly LoggedEvent[] | undefined {
    return this.streams.get(streamName);
  }

  /** The whole log in position order; append-only, so an index into it stays valid. */
  get all(): readonly LoggedEvent[] {
    return this.records;
  }

  /** Index of the first record at or after `from` (`inclusive`) or strictly after it. */
  indexFrom(from: LogPosition, inclusive: boolean): number {
    let low = 0;
    let high = this.records.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const record = this.records[middle];
      const order = record === undefined ? 1 : compare(record.position, from);
      if (order > 0 || (inclusive && order === 0)) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** Calls `listener` after every successful non-empty append; returns an unsubscribe. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function matches(expected: ExpectedState, current: bigint): boolean {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1n;
    case 'stream_exists':
      return current >= 0n;
    case 'revision':
      return current === expected.revision;
  }
}

/** Orders an event's position (commit = prepare) against a requested pair, commit first. */
function compare(position: bigint, to: LogPosition): number {
  if (position !== to.commit) return position < to.commit ? -1 : 1;
  if (position !== to.prepare) return position < to.prepare ? -1 : 1;
  return 0;
}

function recordSize(record: LoggedEvent): bigint {
  const text = Buffer.byteLength(record.streamName) + Buffer.byteLength(record.type);
  return RECORD_HEADER_SIZE + BigInt(text + record.data.length + record.customMetadata.length);
}
