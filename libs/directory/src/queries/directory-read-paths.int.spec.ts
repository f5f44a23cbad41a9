import type { ReadModelSql } from '@app/event-store';
// The event store's test support is not part of its entry; specs may reach it (dependency rules skip them).
import { assertCoverageFree } from '../commands/coverage-conflicts';
import type { OrganisationKind } from '../domain/directory.vocabulary';
import { CoverageTakenError } from '../domain/organisation.errors';
import { organisationStreamId } from '../domain/organisation.events';
import type { Coverage } from '../domain/organisation.types';
import { ROOT_ZONE_STREAM } from '../domain/root-zone.events';
import { coverage } from '../domain/testing/organisation-fixtures';
import type { DirectoryEvent } from '../infrastructure/directory-event.codec';
import { directoryProjection } from '../projections/directory.projection';
import { RoutingDirectory } from '../routing/routing-directory.read-model';
import { aTld, recordedLog } from '../testing/directory-log';
import { readModelEngines } from '@app/event-store/testing';
import { listOrganisations } from './list-organisations/list-organisations.read-model';
import type { OrganisationFilter } from './list-organisations/list-organisations.query';
import { isOrganisationVerified } from './organisation-verification';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const id = (n: number) => `01a21a83-9e19-7db4-b6f2-ff06a5193e${n.toString(16).padStart(2, '0')}`;

function registered(
  n: number,
  kind: OrganisationKind,
  name: string,
  covers: Partial<Coverage>,
  aliases: string[] = [],
) {
  const event: DirectoryEvent = {
    type: 'OrganisationRegistered',
    data: {
      organisationId: id(n),
      kind,
      name,
      aliases,
      website: null,
      coverage: coverage(covers),
      source: 'MANUAL',
    },
  };
  return [organisationStreamId(id(n)), event] as const;
}

function verified(n: number, expiresAt: string) {
  const event: DirectoryEvent = {
    type: 'OrganisationVerified',
    data: {
      method: 'IANA_RECORD',
      note: null,
      verifiedByMemberId: null,
      verifiedAt: '2025-01-01T00:00:00.000Z',
      expiresAt,
    },
  };
  return [organisationStreamId(id(n)), event] as const;
}

const directory = recordedLog([
  registered(1, 'REGISTRAR', 'MarkMonitor Inc.', { ianaId: 292, tlds: ['com'] }),
  registered(2, 'CSIRT', 'CERT-FR', { countries: ['FR'] }, ['ANSSI 100%']),
  registered(3, 'CSIRT', 'cert fr gov', { countries: ['FR'] }),
  registered(4, 'COORDINATION_CENTRE', 'DNS CC', {}),
  registered(5, 'HOSTING_PLATFORM', 'GitHub Pages', { suffixes: ['github.io'] }),
  verified(1, '2027-11-27T00:00:00.000Z'),
  verified(2, '2026-01-01T00:00:00.000Z'),
  [ROOT_ZONE_STREAM, { type: 'TldRecorded', data: aTld('fr', { registryOperator: 'AFNIC' }) }],
]);

describe.each(readModelEngines())('directory read paths on %s', (_name, engine) => {
  let sql: ReadModelSql;
  beforeAll(async () => {
    sql = await engine.open();
    await sql.exec(directoryProjection.schema[sql.dialect]);
    await sql.transaction(() => directoryProjection.apply(directory));
  });
  afterAll(() => engine.closeAll());

  const names = async (filter: OrganisationFilter, first = 100, after: string | null = null) => {
    const page = await listOrganisations(sql, filter, first, after, NOW);
    return page.nodes.map((node) => node.organisation.name);
  };

  it('lists organisations in byte order of their lower-case names, a page at a time', async () => {
    const all = await listOrganisations(sql, {}, 2, null, NOW);
    expect(all.totalCount).toBe(5);
    expect(all.hasNextPage).toBe(true);
    expect(all.nodes.map((node) => node.organisation.name)).toEqual(['cert fr gov', 'CERT-FR']);
    expect(await names({}, 100, all.nodes[1]?.cursor ?? null)).toEqual([
      'DNS CC',
      'GitHub Pages',
      'MarkMonitor Inc.',
    ]);
  });

  it('filters by coverage, kind, verification and a substring of any name', async () => {
    expect(await names({ country: 'FR' })).toEqual(['cert fr gov', 'CERT-FR']);
    expect(await names({ kind: ['REGISTRAR', 'HOSTING_PLATFORM'] })).toEqual([
      'GitHub Pages',
      'MarkMonitor Inc.',
    ]);
    expect(await names({ verification: 'VERIFIED' })).toEqual(['MarkMonitor Inc.']);
    expect(await names({ verification: 'STALE' })).toEqual(['CERT-FR']);
    expect(await names({ verification: 'UNVERIFIED', suffix: 'github.io' })).toEqual(['GitHub Pages']);
    expect(await names({ search: 'ERT' })).toEqual(['cert fr gov', 'CERT-FR']);
    expect(await names({ search: 'anssi 100%' })).toEqual(['CERT-FR']);
    expect(await names({ search: '_' })).toEqual([]);
    expect(await names({ search: 'cert\u0000' })).toEqual([]);
  });

  it('answers routing with root zone facts and the best covering organisation', async () => {
    const routing = new RoutingDirectory(sql);
    expect(await routing.tldFacts('fr')).toMatchObject({ tld: 'fr', registryOperator: 'AFNIC' });
    expect(await routing.tldFacts('zz')).toBeNull();
    expect(await routing.covering('COUNTRY', 'FR', 'CSIRT')).toMatchObject({ organisationId: id(2) });
    expect(await routing.covering('IANA_ID', '292', 'REGISTRAR')).toMatchObject({ verified: true });
    expect(await routing.covering('TLD', 'com', 'REGISTRY')).toBeNull();
    expect(await routing.coordinationCentre()).toMatchObject({ name: 'DNS CC' });
  });

  it('knows who is verified now and who already covers what', async () => {
    expect(await isOrganisationVerified(sql, id(1), NOW)).toBe(true);
    expect(await isOrganisationVerified(sql, id(2), NOW)).toBe(false);
    expect(await isOrganisationVerified(sql, id(9), NOW)).toBe(false);
    await expect(assertCoverageFree(sql, coverage({ tlds: ['com'] }), id(9))).rejects.toBeInstanceOf(
      CoverageTakenError,
    );
    await expect(
      assertCoverageFree(sql, coverage({ ianaId: 292, countries: ['FR'] }), id(1)),
    ).resolves.toBeUndefined();
  });
});
