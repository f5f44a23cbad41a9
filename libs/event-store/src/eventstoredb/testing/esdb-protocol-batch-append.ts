import type * as grpc from '@grpc/grpc-js';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import { AllStreamPosition, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import { proposedEvent } from './esdb-protocol-append';
import type { AppendOutcome, ExpectedState, InMemoryLog, ProposedEvent } from './esdb-protocol-log';
import { streamIdentifier, streamNameOf, uuidToString } from './esdb-protocol-messages';

type BatchAppendCall = grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>;
const Expected = BatchAppendReq.Options.ExpectedStreamPositionCase;

interface PendingWrite {
  readonly streamName: string;
  readonly expected: ExpectedState;
  readonly events: ProposedEvent[];
}

/**
 * Streams.BatchAppend, which clients use whenever ServerFeatures lists it (servers from 21.10): one
 * long-lived bidirectional call over which many appends travel, each under a correlation id, its
 * options in the first chunk and `is_final` on the last. Each append is answered on its own, a
 * wrong expected revision as a google.rpc.Status (ALREADY_EXISTS) packing WrongExpectedVersion.
 * The deadline in the options is not enforced (see README).
 */
export function serveBatchAppend(log: InMemoryLog, call: BatchAppendCall): void {
  const pending = new Map<string, PendingWrite>();
  call.on('data', (request: BatchAppendReq) => {
    const correlationId = uuidToString(request.getCorrelationId()) ?? '';
    const options = request.getOptions();
    if (options) {
      const expected = expectedState(options);
      const streamName = streamNameOf(options.getStreamIdentifier());
      if (!expected) return void call.write(failure(request, streamName, badRequest('no expected position')));
      pending.set(correlationId, { streamName, expected, events: [] });
    }
    const write = pending.get(correlationId);
    if (!write) return;
    for (const message of request.getProposedMessagesList()) {
      const event = proposedEvent(message);
      if (typeof event === 'string') {
        pending.delete(correlationId);
        return void call.write(failure(request, write.streamName, badRequest(event)));
      }
      write.events.push(event);
    }
    if (!request.getIsFinal()) return;
    pending.delete(correlationId);
    const outcome = log.append(write.streamName, write.expected, write.events);
    call.write(response(request, write, outcome));
  });
  call.on('end', () => call.end());
}

function expectedState(options: BatchAppendReq.Options): ExpectedState | undefined {
  switch (options.getExpectedStreamPositionCase()) {
    case Expected.ANY:
      return { kind: 'any' };
    case Expected.NO_STREAM:
      return { kind: 'no_stream' };
    case Expected.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case Expected.STREAM_POSITION:
      return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
    case Expected.EXPECTED_STREAM_POSITION_NOT_SET:
      return undefined;
  }
}

function response(request: BatchAppendReq, write: PendingWrite, outcome: AppendOutcome): BatchAppendResp {
  if (!outcome.ok) return failure(request, write.streamName, wrongExpectedVersion(write.expected, outcome));
  const success = new BatchAppendResp.Success();
  if (outcome.currentRevision < 0n) success.setNoStream(new Empty());
  else success.setCurrentRevision(outcome.currentRevision.toString());
  if (outcome.position === undefined) success.setNoPosition(new Empty());
  else {
    const position = outcome.position.toString();
    success.setPosition(new AllStreamPosition().setCommitPosition(position).setPreparePosition(position));
  }
  return base(request, write.streamName).setSuccess(success);
}

function wrongExpectedVersion(expected: ExpectedState, outcome: { currentRevision: bigint }): Status {
  const details = new WrongExpectedVersion();
  if (outcome.currentRevision < 0n) details.setCurrentNoStream(new Empty());
  else details.setCurrentStreamRevision(outcome.currentRevision.toString());
  if (expected.kind === 'revision') details.setExpectedStreamPosition(expected.revision.toString());
  else if (expected.kind === 'no_stream') details.setExpectedNoStream(new Empty());
  else if (expected.kind === 'stream_exists') details.setExpectedStreamExists(new Empty());
  else details.setExpectedAny(new Empty());
  const packed = new Any();
  packed.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return new Status().setCode(Code.ALREADY_EXISTS).setMessage('WrongExpectedVersion').setDetails(packed);
}

function badRequest(message: string): Status {
  const packed = new Any();
  packed.pack(new Empty().serializeBinary(), 'google.protobuf.Empty');
  return new Status().setCode(Code.INVALID_ARGUMENT).setMessage(message).setDetails(packed);
}

function failure(request: BatchAppendReq, streamName: string, status: Status): BatchAppendResp {
  return base(request, streamName).setError(status);
}

function base(request: BatchAppendReq, streamName: string): BatchAppendResp {
  const correlationId = request.getCorrelationId();
  const response = new BatchAppendResp().setStreamIdentifier(streamIdentifier(streamName));
  return correlationId ? response.setCorrelationId(correlationId) : response;
}
