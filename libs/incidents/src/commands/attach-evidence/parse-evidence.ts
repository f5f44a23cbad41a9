import { createHash } from 'node:crypto';
import { InvalidInputError } from '@app/core';
import type { AttachEvidence } from '../../domain/incident.commands';
import { MAX_MEDIA_TYPE_LENGTH, MAX_NOTE_LENGTH, optionalText } from '../../domain/incident.input-limits';
import type { AttachEvidenceRequest } from './attach-evidence.command';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const SHA256 = /^[0-9a-f]{64}$/;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/**
 * Evidence either comes with its content (stored in the event up to `maxContentBytes`, hashed
 * here) or is recorded by hash and size only, when the reporter keeps the artefact itself.
 */
export function parseEvidence(
  request: AttachEvidenceRequest,
  evidenceId: string,
  maxContentBytes: number,
): AttachEvidence {
  const mediaType = (request.mediaType ?? 'application/octet-stream').trim().toLowerCase();
  if (mediaType.length > MAX_MEDIA_TYPE_LENGTH || !MEDIA_TYPE.test(mediaType)) {
    throw new InvalidInputError('mediaType', request.mediaType, 'is not a media type such as text/plain');
  }
  const claimedSha = request.sha256?.toLowerCase() ?? null;
  if (claimedSha !== null && !SHA256.test(claimedSha)) {
    throw new InvalidInputError('sha256', request.sha256, 'must be 64 hexadecimal characters');
  }
  const base = { type: 'AttachEvidence' as const, evidenceId, kind: request.kind, mediaType };
  const note = optionalText('note', request.note, MAX_NOTE_LENGTH);
  const content = request.contentBase64 ?? null;
  if (content === null) {
    if (claimedSha === null) throw new InvalidInputError('sha256', null, 'is required when no content is sent');
    const size = request.size;
    if (size === null || size === undefined || !Number.isInteger(size) || size < 0) {
      throw new InvalidInputError('size', size ?? null, 'must be a byte count when no content is sent');
    }
    return { ...base, sha256: claimedSha, size, note, content: null };
  }
  if (!BASE64.test(content)) throw new InvalidInputError('contentBase64', content, 'is not valid base64');
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length > maxContentBytes) {
    throw new InvalidInputError(
      'contentBase64',
      `${bytes.length} bytes`,
      `is larger than the ${maxContentBytes}-byte limit; send sha256 and size without the content`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (claimedSha !== null && claimedSha !== sha256) {
    throw new InvalidInputError('sha256', claimedSha, `does not match the content (sha256 ${sha256})`);
  }
  if (request.size !== null && request.size !== undefined && request.size !== bytes.length) {
    throw new InvalidInputError('size', request.size, `does not match the content (${bytes.length} bytes)`);
  }
  return { ...base, sha256, size: bytes.length, note, content };
}
