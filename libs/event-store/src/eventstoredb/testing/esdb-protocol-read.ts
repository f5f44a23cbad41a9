import * as grpc from '@grpc/grpc-js';
import { ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { InMemoryLog, LoggedEvent } from './esdb-protocol-log';
import {
  caughtUpMessage,
  confirmationMessage,
  eventMessage,
  positionOf,
  streamNameOf,
  streamNotFoundMessage,
} from './esdb-protocol-messages';

export type ReadCall = grpc.ServerWritableStream<ReadReq, ReadResp>;
type Options = ReadReq.Options;

/**
 * Streams.Read, which serves three things in EventStoreDB: a bounded read of one stream, a bounded
 * read of `$all`, and a catch-up subscription to `$all` (confirmation, the backlog, `caught_up`,
 * then live events). Filters and subscriptions to a single stream are refused as UNIMPLEMENTED.
 */
export function serveRead(log: InMemoryLog, call: ReadCall, behaviour: { caughtUp: boolean }): void {
  const options = call.request.getOptions();
  const refusal = refusalOf(options);
  if (refusal || !options) {
    call.emit('error', refusal ?? { code: grpc.status.INVALID_ARGUMENT, details: 'a read has options' });
  } else if (options.hasSubscription()) {
    void subscribeToAll(log, call, options, behaviour.caughtUp);
  } else {
    void writeEach(call, boundedRead(log, options));
  }
}

function refusalOf(options: Options | undefined): Partial<grpc.StatusObject> | undefined {
  const refuse = (code: grpc.status, details: string) => ({ code, details });
  if (!options?.hasUuidOption()) return refuse(grpc.status.INVALID_ARGUMENT, 'uuid_option is required');
  if (!options.hasStream() && !options.hasAll()) {
    return refuse(grpc.status.INVALID_ARGUMENT, 'a read names a stream or $all');
  }
  if (options.hasFilter()) return refuse(grpc.status.UNIMPLEMENTED, 'the fake has no server-side filters');
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  if (options.hasSubscription() && (options.hasStream() || backwards)) {
    return refuse(grpc.status.UNIMPLEMENTED, 'the fake subscribes forwards to $all only');
  }
  return undefined;
}

function* boundedRead(log: InMemoryLog, options: Options): Iterable<ReadResp> {
  const count = BigInt(options.getCount() || '0');
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  let events: Iterable<LoggedEvent>;
  if (options.hasStream()) {
    const streamName = streamNameOf(options.getStream()?.getStreamIdentifier());
    const stream = log.stream(streamName);
    if (!stream) {
      yield streamNotFoundMessage(streamName);
      return;
    }
    events = backwards ? streamBackwards(stream, options) : streamForwards(stream, options);
  } else {
    events = backwards ? allBackwards(log, options) : allForwards(log, options);
  }
  for (const event of take(events, count)) yield eventMessage(event, options.getUuidOption());
}

function* streamForwards(stream: readonly LoggedEvent[], options: Options): Iterable<LoggedEvent> {
  const from = options.getStream();
  if (from?.hasEnd()) return;
  const start = from?.hasRevision() ? BigInt(from.getRevision()) : 0n;
  for (let revision = start; revision < BigInt(stream.length); revision += 1n) {
    const event = stream[Number(revision)];
    if (event) yield event;
  }
}

/** Like the server, a backwards read from past the end starts at the last event. */
function* streamBackwards(stream: readonly LoggedEvent[], options: Options): Iterable<LoggedEvent> {
  const from = options.getStream();
  const last = BigInt(stream.length - 1);
  const requested = from?.hasRevision() ? BigInt(from.getRevision()) : last;
  for (let revision = requested < last ? requested : last; revision >= 0n; revision -= 1n) {
    const event = stream[Number(revision)];
    if (event) yield event;
  }
}

/** Forwards from a position includes the event at that position: $all reads are inclusive. */
function* allForwards(log: InMemoryLog, options: Options): Iterable<LoggedEvent> {
  const from = options.getAll();
  if (from?.hasEnd()) return;
  const start = from?.hasPosition() ? log.indexFrom(positionOf(from.getPosition()), true) : 0;
  for (let index = start; index < log.all.length; index += 1) {
    const event = log.all[index];
    if (event) yield event;
  }
}

/** Backwards from a position yields the events before it. */
function* allBackwards(log: InMemoryLog, options: Options): Iterable<LoggedEvent> {
  const from = options.getAll();
  const end = from?.hasPosition() ? log.indexFrom(positionOf(from.getPosition()), true) : log.all.length;
  for (let index = end - 1; index >= 0; index -= 1) {
    const event = log.all[index];
    if (event) yield event;
  }
}

function* take<T>(items: Iterable<T>, count: bigint): Iterable<T> {
  let taken = 0n;
  for (const item of items) {
    if (taken >= count) return;
    taken += 1n;
    yield item;
  }
}

async function subscribeToAll(
  log: InMemoryLog,
  call: ReadCall,
  options: Options,
  sendsCaughtUp: boolean,
): Promise<void> {
  const uuidOption = options.getUuidOption();
  const from = options.getAll();
  let next = 0;
  if (from?.hasEnd()) next = log.all.length;
  else if (from?.hasPosition()) next = log.indexFrom(positionOf(from.getPosition()), false);
  let wake: (() => void) | undefined;
  const stopListening = log.onAppend(() => wake?.());
  call.on('cancelled', () => wake?.());
  try {
    if (!(await write(call, confirmationMessage()))) return;
    let caughtUp = false;
    while (!call.cancelled) {
      const event = log.all[next];
      if (event) {
        if (!(await write(call, eventMessage(event, uuidOption)))) return;
        next += 1;
        continue;
      }
      if (!caughtUp) {
        // Like the server, caught_up is sent once, when the backlog read first reaches the end of the
        // log; events appended while it is written are looked for again before waiting.
        caughtUp = true;
        if (sendsCaughtUp && !(await write(call, caughtUpMessage()))) return;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    stopListening();
  }
}

async function writeEach(call: ReadCall, responses: Iterable<ReadResp>): Promise<void> {
  for (const response of responses) {
    if (!(await write(call, response))) return;
  }
  call.end();
}

/** Writes with backpressure; false once the call is cancelled (the client went away or unsubscribed). */
async function write(call: ReadCall, response: ReadResp): Promise<boolean> {
  if (call.cancelled) return false;
  if (!call.write(response)) {
    await new Promise<void>((resolve) => {
      const done = () => {
        call.off('drain', done);
        call.off('cancelled', done);
        resolve();
      };
      call.on('drain', done);
      call.on('cancelled', done);
    });
  }
  return !call.cancelled;
}
