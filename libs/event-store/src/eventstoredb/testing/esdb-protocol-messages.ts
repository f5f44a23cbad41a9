import { randomUUID } from 'node:crypto';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { LogPosition, LoggedEvent } from './esdb-protocol-log';

/** The protobuf messages the fake sends, built the way the server's ResponseConverter builds them. */

type UuidOption = ReadReq.Options.UUIDOption;

export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  if (!identifier) return '';
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

export function uuidToString(uuid: UUID | undefined): string | undefined {
  if (!uuid) return undefined;
  if (uuid.hasString()) return uuid.getString();
  const structured = uuid.getStructured();
  if (!structured) return undefined;
  const bytes = Buffer.alloc(16);
  bytes.writeBigInt64BE(BigInt(structured.getMostSignificantBits()), 0);
  bytes.writeBigInt64BE(BigInt(structured.getLeastSignificantBits()), 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Answers in the UUID form the reader asked for (the Node client asks for strings). */
function uuidFor(id: string, option: UuidOption | undefined): UUID {
  const uuid = new UUID();
  if (option?.hasStructured()) {
    const bytes = Buffer.from(id.replace(/-/g, ''), 'hex');
    const structured = new UUID.Structured();
    structured.setMostSignificantBits(bytes.readBigInt64BE(0).toString());
    structured.setLeastSignificantBits(bytes.readBigInt64BE(8).toString());
    return uuid.setStructured(structured);
  }
  return uuid.setString(id);
}

export function streamIdentifier(streamName: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8'));
}

/**
 * Servers since 22.6 fill in the $all position on stream reads as well (non-transaction events
 * only); the fake does the same, since every write here is a non-transaction write.
 */
export function eventMessage(event: LoggedEvent, uuidOption: UuidOption | undefined): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidFor(event.id, uuidOption))
    .setStreamIdentifier(streamIdentifier(event.streamName))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.toString())
    .setPreparePosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.createdTicks.toString());
  const readEvent = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(readEvent);
}

export function streamNotFoundMessage(streamName: string): ReadResp {
  const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamName));
  return new ReadResp().setStreamNotFound(notFound);
}

export function confirmationMessage(): ReadResp {
  return new ReadResp().setConfirmation(
    new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()),
  );
}

/** The 6.2.1 client's CaughtUp message has no fields; newer servers add a timestamp and position it ignores. */
export function caughtUpMessage(): ReadResp {
  return new ReadResp().setCaughtUp(new ReadResp.CaughtUp());
}

export function positionOf(position: ReadReq.Options.Position | undefined): LogPosition {
  return {
    commit: BigInt(position?.getCommitPosition() ?? '0'),
    prepare: BigInt(position?.getPreparePosition() ?? '0'),
  };
}

export const empty = (): Empty => new Empty();
