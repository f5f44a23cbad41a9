import { createHash } from 'node:crypto';
import { InvalidInputError } from '@app/core';
import { parseAttachEvidence } from '../../domain/incident.command-parsers';
import type { AttachEvidence } from '../../domain/incident.commands';
import type { AttachEvidenceRequest } from './attach-evidence.command';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Evidence either comes with its content (kept in the event up to `maxContentBytes`, hashed here
 * so the hash is the centre's own) or is recorded by hash and size only, when the reporter keeps
 * the artefact itself. A hash or size sent with content must match it.
 */
export function parseEvidence(
  request: AttachEvidenceRequest,
  evidenceId: string,
  maxContentBytes: number,
): AttachEvidence {
  const base = {
    evidenceId,
    kind: request.kind,
    mediaType: request.mediaType ?? 'application/octet-stream',
    note: request.note,
  };
  const content = request.contentBase64 ?? null;
  if (content === null) {
    if (!request.sha256) throw new InvalidInputError('sha256', null, 'is required when no content is sent');
    if (request.size === null || request.size === undefined) {
      throw new InvalidInputError('size', null, 'is required when no content is sent');
    }
    return parseAttachEvidence({ ...base, sha256: request.sha256, size: request.size, content: null });
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
  if (request.sha256 && request.sha256.trim().toLowerCase() !== sha256) {
    throw new InvalidInputError('sha256', request.sha256, `does not match the content (sha256 ${sha256})`);
  }
  if (request.size !== null && request.size !== undefined && request.size !== bytes.length) {
    throw new InvalidInputError('size', request.size, `does not match the content (${bytes.length} bytes)`);
  }
  return parseAttachEvidence({ ...base, sha256, size: bytes.length, content });
}
