import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidInputError, isUuid, NotFoundError } from '@app/core';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { IncidentNotFoundError } from '../../domain/incident.errors';
import { readIncidentHistory } from '../incident-history';
import { type EvidenceContent, GetEvidenceContentQuery } from './get-evidence-content.query';

/**
 * Content lives only in the EvidenceAttached event (the read model keeps metadata), so it is read
 * from the incident's stream, which is short.
 */
@QueryHandler(GetEvidenceContentQuery)
export class GetEvidenceContentHandler implements IQueryHandler<GetEvidenceContentQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ incidentId, evidenceId }: GetEvidenceContentQuery): Promise<EvidenceContent> {
    if (!isUuid(incidentId)) throw new InvalidInputError('incidentId', incidentId, 'is not an incident id');
    const history = await readIncidentHistory(this.store, incidentId);
    if (history.length === 0) throw new IncidentNotFoundError(incidentId);
    for (const { event } of history) {
      if (event.type !== 'EvidenceAttached' || event.data.evidenceId !== evidenceId) continue;
      const { data } = event;
      if (data.content === null) {
        throw new NotFoundError('Evidence content', `${evidenceId} (recorded by hash only)`);
      }
      return {
        evidenceId,
        mediaType: data.mediaType,
        sha256: data.sha256,
        size: data.size,
        contentBase64: data.content,
      };
    }
    throw new NotFoundError('Evidence', evidenceId);
  }
}
