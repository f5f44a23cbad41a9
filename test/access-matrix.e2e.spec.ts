import { relationsOf } from '@app/access';
import {
  type AccessWorld,
  reportMatrixIncident,
  settled,
  startAccessWorld,
  TLPS,
  VIEWER_KEYS,
} from './support/access-fixture';
import {
  assertMatrix,
  type MatrixCase,
  matrixTable,
  runOperation,
  runSubscriptions,
} from './support/access-matrix';
import { MUTATIONS } from './support/access-operations';
import { READ_OPERATIONS } from './support/access-read-operations';
import { ME } from './support/directory-operations';
import { ESCALATE } from './support/sla-operations';

jest.setTimeout(180_000);

/**
 * The authorisation matrix over HTTP, generated from the access policy: every viewer (the centre,
 * the reporting CSIRT, a named recipient, an addressed registrar, an unrelated verified CSIRT, an
 * unrelated unverified CSIRT) x every incident operation x every TLP marking, each answered as the
 * policy's canSee/canDo say: the data, FORBIDDEN when visible but not allowed, NOT_FOUND when
 * invisible; and a refused change leaves the incident's version as it was.
 */
describe('the access matrix: role x operation x TLP x involvement, over HTTP', () => {
  let world: AccessWorld;
  const all: MatrixCase[] = [];

  beforeAll(async () => {
    const base = await startAccessWorld();
    try {
      world = { ...base, incidents: await Promise.all(TLPS.map((tlp) => reportMatrixIncident(base, tlp))) };
    } catch (error) {
      await base.server.dispose();
      throw error;
    }
  });
  afterAll(async () => {
    const failed = all.filter((c) => !c.ok).length;
    if (failed > 0)
      console.log(`access matrix: ${failed} of ${all.length} cases failed\n\n${matrixTable(all)}`);
    await world.server.dispose();
  });

  it('knows each viewer as the fixture set it up', async () => {
    for (const key of VIEWER_KEYS) {
      const { viewer, client } = world.actors[key];
      const { me } = await client.expectData<{ me: { member: { organisationId: string; role: string } } }>(
        ME,
      );
      expect(me.member).toMatchObject({ organisationId: viewer.organisationId, role: viewer.role });
    }
    // Each involved viewer holds the relation it stands for, on every marking.
    for (const incident of world.incidents) {
      const relations = (key: (typeof VIEWER_KEYS)[number]) =>
        relationsOf(world.actors[key].viewer, incident.facts);
      expect(relations('coordinator').has('COORDINATOR')).toBe(true);
      expect(relations('reporter').has('REPORTER')).toBe(true);
      expect(relations('recipient').has('RECIPIENT')).toBe(true);
      expect(relations('registrar').has('ADDRESSED')).toBe(true);
      expect([...relations('verified')].sort()).toEqual(['MEMBER', 'VERIFIED_COMMUNITY']);
      expect([...relations('unverified')]).toEqual(['MEMBER']);
    }
  });

  it('refuses to escalate TLP:RED to an organisation not named as a recipient (CONFLICT), changing nothing', async () => {
    const red = world.incidents.find((i) => i.tlp === 'RED')!;
    const before = (await settled(world.coordinator, red.id)).version;
    for (const key of ['coordinator', 'reporter'] as const) {
      const refused = await world.actors[key].client.expectError(ESCALATE, {
        input: {
          incidentId: red.id,
          organisationId: world.actors.unverified.viewer.organisationId,
          requestType: 'TAKEDOWN',
        },
      });
      expect(refused.extensions?.code).toBe('CONFLICT');
      expect(refused.message).toMatch(/shareIncident/);
    }
    expect((await settled(world.coordinator, red.id)).version).toBe(before);
  });

  it.each(READ_OPERATIONS.map((operation) => [operation.name, operation] as const))(
    '%s answers as the policy says for every viewer and marking',
    async (_name, operation) => {
      const cases = await runOperation(world, operation);
      all.push(...cases);
      assertMatrix(cases);
    },
  );

  it('incidentUpdated pushes updates to exactly the viewers who may see the incident', async () => {
    const cases = await runSubscriptions(world);
    all.push(...cases);
    assertMatrix(cases);
  });

  it.each(MUTATIONS.map((operation) => [operation.name, operation] as const))(
    '%s answers as the policy says for every viewer and marking, and a refusal changes nothing',
    async (_name, operation) => {
      const cases = await runOperation(world, operation);
      all.push(...cases);
      assertMatrix(cases);
    },
  );

  it('covered every viewer x operation x marking', () => {
    const operations = READ_OPERATIONS.length + 1 + MUTATIONS.length;
    expect(all).toHaveLength(VIEWER_KEYS.length * TLPS.length * operations);
    const keys = new Set(all.map((c) => `${c.operation}/${c.viewer}/${c.tlp}`));
    expect(keys.size).toBe(all.length);
    // Both answers occur for every kind of refusal, so the matrix cannot pass by refusing everything.
    for (const outcome of ['ALLOWED', 'FORBIDDEN', 'NOT_FOUND']) {
      expect(all.some((c) => c.expected === outcome && c.ok)).toBe(true);
    }
  });
});
