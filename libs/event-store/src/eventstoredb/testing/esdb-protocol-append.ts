import * as grpc from '@grpc/grpc-js';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, ExpectedState, InMemoryLog, ProposedEvent } from './esdb-protocol-log';
import { empty, streamNameOf, uuidToString } from './esdb-protocol-messages';

type AppendCall = grpc.ServerReadableStream<AppendReq, AppendResp>;
type Expected = AppendReq.Options.ExpectedStreamRevisionCase;
const Expected = AppendReq.Options.ExpectedStreamRevisionCase;

/**
 * Streams.Append: a client stream of one `options` message (stream, expected revision) followed by
 * the proposed events, answered once with success or wrong_expected_version. Like the server, the
 * fake answers a revision mismatch with a response, not an error status, and requires the `type` and
 * `content-type` metadata on every event. Unlike the server it keeps no idempotency cache: a repeated
 * write is checked like any other (see README).
 */
export function serveAppend(
  log: InMemoryLog,
  call: AppendCall,
  respond: grpc.sendUnaryData<AppendResp>,
): void {
  let options: AppendReq.Options | undefined;
  const proposed: ProposedEvent[] = [];
  let refusal: string | undefined;
  call.on('data', (request: AppendReq) => {
    if (refusal !== undefined) return;
    if (!options) {
      options = request.getOptions();
      if (!options) refusal = 'the first message of an append carries its options';
      return;
    }
    const message = request.getProposedMessage();
    const event = message ? proposedEvent(message) : 'an append continues with proposed messages only';
    if (typeof event === 'string') refusal = event;
    else proposed.push(event);
  });
  call.on('end', () => {
    if (refusal !== undefined || !options) {
      respond({ code: grpc.status.INVALID_ARGUMENT, details: refusal ?? 'an append without options' });
      return;
    }
    const expected = expectedState(options);
    if (!expected) {
      respond({ code: grpc.status.INVALID_ARGUMENT, details: 'an append states its expected revision' });
      return;
    }
    const outcome = log.append(streamNameOf(options.getStreamIdentifier()), expected, proposed);
    respond(null, response(outcome, options.getExpectedStreamRevisionCase(), options.getRevision()));
  });
}

/** The getters Append's and BatchAppend's proposed messages share. */
type ProposedMessage = Pick<
  AppendReq.ProposedMessage,
  'getId' | 'getMetadataMap' | 'getData_asU8' | 'getCustomMetadata_asU8'
>;

/** The event a proposed message describes, or why the server would refuse it. */
export function proposedEvent(message: ProposedMessage): ProposedEvent | string {
  const id = uuidToString(message.getId());
  const type = message.getMetadataMap().get('type');
  const contentType = message.getMetadataMap().get('content-type');
  if (id === undefined) return 'a proposed message needs an id';
  if (type === undefined) return 'required metadata property missing: type';
  if (contentType === undefined) return 'required metadata property missing: content-type';
  return {
    id,
    type,
    contentType,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

function expectedState(options: AppendReq.Options): ExpectedState | undefined {
  switch (options.getExpectedStreamRevisionCase()) {
    case Expected.ANY:
      return { kind: 'any' };
    case Expected.NO_STREAM:
      return { kind: 'no_stream' };
    case Expected.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case Expected.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case Expected.EXPECTED_STREAM_REVISION_NOT_SET:
      return undefined;
  }
}

/** Only the current fields: the server also fills the deprecated `*_2060` ones, for clients of 20.6.0. */
function response(outcome: AppendOutcome, expected: Expected, expectedRevision: string): AppendResp {
  if (outcome.ok) {
    const success = new AppendResp.Success();
    if (outcome.currentRevision < 0n) success.setNoStream(empty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position === undefined) success.setNoPosition(empty());
    else {
      const position = outcome.position.toString();
      success.setPosition(new AppendResp.Position().setCommitPosition(position).setPreparePosition(position));
    }
    return new AppendResp().setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision < 0n) wrong.setCurrentNoStream(empty());
  else wrong.setCurrentRevision(outcome.currentRevision.toString());
  if (expected === Expected.REVISION) wrong.setExpectedRevision(expectedRevision);
  else if (expected === Expected.NO_STREAM) wrong.setExpectedNoStream(empty());
  else if (expected === Expected.STREAM_EXISTS) wrong.setExpectedStreamExists(empty());
  else wrong.setExpectedAny(empty());
  return new AppendResp().setWrongExpectedVersion(wrong);
}
