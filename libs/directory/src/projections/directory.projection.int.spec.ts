import { CompiledQuery } from 'kysely';
import type { ReadModelSql, RecordedEvent } from '@app/event-store';
// The event store's test support is not part of its entry; specs may reach it (dependency rules skip them).
import { organisationStreamId } from '../domain/organisation.events';
import { ROOT_ZONE_STREAM } from '../domain/root-zone.events';
import { aContact, coverage, ORG_ID, registrarRegistered } from '../domain/testing/organisation-fixtures';
import type { DirectoryEvent } from '../infrastructure/directory-event.codec';
import { aTld as tld, recordedLog } from '../testing/directory-log';
import { readModelEngines } from '@app/event-store/testing';
import { directoryProjection } from './directory.projection';

const OTHER_ID = '01a21a83-9e19-7db4-b6f2-ff06a5193e8b';

/** A log of directory events over two organisations and the root zone, touching rows repeatedly. */
const log: readonly [stream: string, event: DirectoryEvent][] = [
  [organisationStreamId(ORG_ID), registrarRegistered({ ianaId: 292, tlds: ['com'] })],
  [
    organisationStreamId(OTHER_ID),
    {
      type: 'OrganisationRegistered',
      data: {
        organisationId: OTHER_ID,
        kind: 'CSIRT',
        name: 'CERT\u0000 Example',
        aliases: ['Example CSIRT'],
        website: null,
        coverage: coverage({ countries: ['FR'] }),
        source: 'MANUAL',
      },
    },
  ],
  [ROOT_ZONE_STREAM, { type: 'TldRecorded', data: tld('fr') }],
  [ROOT_ZONE_STREAM, { type: 'TldRecorded', data: tld('no') }],
  [organisationStreamId(ORG_ID), { type: 'ContactAdded', data: { contact: aContact() } }],
  [
    organisationStreamId(ORG_ID),
    { type: 'OrganisationCoverageChanged', data: { coverage: coverage({ ianaId: 292, tlds: ['net'] }) } },
  ],
  [ROOT_ZONE_STREAM, { type: 'TldRecorded', data: tld('fr', { registryOperator: 'AFNIC' }) }],
  [ROOT_ZONE_STREAM, { type: 'TldWithdrawn', data: { tld: 'no', source: 'root.csv' } }],
  [ROOT_ZONE_STREAM, { type: 'TldRecorded', data: tld('cz') }],
  [ROOT_ZONE_STREAM, { type: 'TldWithdrawn', data: { tld: 'cz', source: 'root.csv' } }],
  [ROOT_ZONE_STREAM, { type: 'TldRecorded', data: tld('cz', { country: 'CZ' }) }],
  [
    organisationStreamId(ORG_ID),
    {
      type: 'OrganisationDetailsChanged',
      data: { name: 'MarkMonitor, Inc.', aliases: ['MarkMonitor'], website: null },
    },
  ],
  [organisationStreamId(OTHER_ID), { type: 'ContactRemoved', data: { contactId: 'absent' } }],
];

const recorded = recordedLog(log);

async function projected(sql: ReadModelSql, batches: readonly (readonly RecordedEvent[])[]) {
  await sql.exec(directoryProjection.schema[sql.dialect]);
  for (const batch of batches) await sql.transaction(() => directoryProjection.apply(batch));
  const dump = (table: string, order: string) =>
    sql.all(CompiledQuery.raw(`SELECT * FROM ${table} ORDER BY ${order}`));
  return {
    views: await dump('organisation_view', 'organisation_id'),
    coverage: await dump('organisation_coverage', 'organisation_id, scope, value'),
    tlds: await dump('tld_reference', 'tld'),
  };
}

describe.each(readModelEngines())('directoryProjection on %s', (_name, engine) => {
  afterEach(() => engine.closeAll());

  it('leaves the same tables whether events come one by one or in one batch', async () => {
    const oneByOne = await projected(
      await engine.open(),
      recorded.map((event) => [event]),
    );
    expect(await projected(await engine.open(), [recorded])).toEqual(oneByOne);
  });

  it('keeps the last state of each organisation, its coverage and each TLD', async () => {
    const { views, coverage, tlds } = await projected(await engine.open(), [recorded]);
    expect(views).toMatchObject([
      {
        organisation_id: ORG_ID,
        name: 'MarkMonitor, Inc.',
        search_text: 'markmonitor, inc.\nmarkmonitor',
        version: 4,
      },
      { organisation_id: OTHER_ID, name: 'CERT\uFFFD Example', sort_name: 'cert\uFFFD example', version: 2 },
    ]);
    expect(JSON.parse((views[1] as { document: string }).document)).toMatchObject({
      name: 'CERT\u0000 Example',
    });
    expect(coverage).toEqual([
      { organisation_id: ORG_ID, scope: 'IANA_ID', value: '292' },
      { organisation_id: ORG_ID, scope: 'TLD', value: 'net' },
      { organisation_id: OTHER_ID, scope: 'COUNTRY', value: 'FR' },
    ]);
    expect(tlds.map((row) => (row as { tld: string }).tld)).toEqual(['cz', 'fr']);
    expect(JSON.parse((tlds[1] as { document: string }).document)).toMatchObject({
      registryOperator: 'AFNIC',
    });
  });

  it('writes a root zone of hundreds of TLDs in one batch', async () => {
    const zone = recordedLog(
      Array.from({ length: 300 }, (_, i) => [ROOT_ZONE_STREAM, { type: 'TldRecorded', data: tld(`t${i}`) }]),
    );
    const { tlds } = await projected(await engine.open(), [zone, zone.slice(0, 20)]);
    expect(tlds).toHaveLength(300);
  });
});
