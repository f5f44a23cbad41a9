import { type Projection, type RecordedEvent, type SqlProgram } from '@app/event-store';
import { organisationIdOfStream } from '../domain/organisation.events';
import { DIRECTORY_EVENT_TYPES, fromRecordedEvent } from '../infrastructure/directory-event.codec';
import { DirectoryBatchWrites } from './directory-batch-writes';
import { DIRECTORY_READ_MODEL_SCHEMA } from './directory.read-model';
import { evolveOrganisationView } from './organisation-view';

/** Keeps the organisation tables and the TLD reference table equal to the fold of the directory's streams. */
export const directoryProjection: Projection = {
  name: 'directory',
  eventTypes: DIRECTORY_EVENT_TYPES,
  schema: DIRECTORY_READ_MODEL_SCHEMA,

  *apply(events: readonly RecordedEvent[]): SqlProgram<void> {
    const writes = new DirectoryBatchWrites();
    for (const recorded of events) yield* projectEvent(recorded, writes);
    yield* writes.flush();
  },
};

function* projectEvent(recorded: RecordedEvent, writes: DirectoryBatchWrites): SqlProgram<void> {
  const { event, metadata } = fromRecordedEvent(recorded);
  if (event.type === 'TldRecorded') {
    writes.recordTld(event.data, metadata.occurredAt);
    return;
  }
  if (event.type === 'TldWithdrawn') {
    yield* writes.withdrawTld(event.data.tld);
    return;
  }
  const id = organisationIdOfStream(recorded.streamId);
  const before = event.type === 'OrganisationRegistered' ? null : yield* writes.view(id);
  const after = evolveOrganisationView(before, event, metadata);
  if (!after) return;
  writes.saveView(
    after,
    event.type === 'OrganisationRegistered' || event.type === 'OrganisationCoverageChanged',
  );
}
