import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { clockDeadlines } from '../domain/sla/sla-deadlines';
import { seconds } from '../domain/sla/sla-duration';
import { DEFAULT_SLA_POLICY } from '../domain/sla/sla-policy';
import { SlaPolicyFileError } from '../domain/sla/sla-policy.errors';
import { slaTermsFor } from '../domain/sla/sla-terms';
import { loadSlaPolicy } from './sla-policy.loader';

const DEMO_POLICY = { default: { acknowledgeWithin: 'PT3S', actWithin: 'PT6S', businessHours: false } };

describe('loadSlaPolicy', () => {
  let directory: string;
  const file = (name: string) => join(directory, name);
  const write = async (name: string, content: string) => {
    await writeFile(file(name), content, 'utf8');
    return file(name);
  };
  const failureOf = (path: string): SlaPolicyFileError => {
    try {
      loadSlaPolicy(path);
    } catch (error) {
      if (error instanceof SlaPolicyFileError) return error;
      throw error;
    }
    throw new Error(`${path} was accepted`);
  };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dnscc-sla-policy-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('runs on the default policy without a file', () => {
    expect(loadSlaPolicy(undefined)).toBe(DEFAULT_SLA_POLICY);
  });

  it('reads a policy of seconds, for tests and demos, down to the deadlines', async () => {
    const policy = loadSlaPolicy(await write('demo.json', JSON.stringify(DEMO_POLICY)));
    expect(policy.table.REGISTRAR.CRITICAL.TAKEDOWN).toEqual({
      acknowledgeWithin: seconds(3),
      actWithin: seconds(6),
      businessHours: false,
    });
    const startedAt = new Date('2026-03-28T23:59:58Z');
    const deadlines = clockDeadlines(startedAt, slaTermsFor(policy, 'CSIRT', null, 'INFORMATION'));
    expect(deadlines.ACKNOWLEDGEMENT.dueAt).toEqual(new Date('2026-03-29T00:00:01Z'));
    expect(deadlines.ACTION.dueAt).toEqual(new Date('2026-03-29T00:00:04Z'));
    expect(deadlines.ACTION.reminders.map((reminder) => reminder.at)).toEqual([
      new Date('2026-03-29T00:00:01Z'),
      new Date('2026-03-29T00:00:03.400Z'),
    ]);
  });

  it('reads a path relative to the working directory, and names the file absolutely', async () => {
    const path = await write('relative.json', '{"reminderFractions": [0.8]}');
    expect(loadSlaPolicy(relative(process.cwd(), path)).reminderFractions).toEqual([0.8]);
    expect(failureOf(relative(process.cwd(), file('nowhere.json'))).file).toBe(file('nowhere.json'));
  });

  it('names a missing file and why it cannot be read', () => {
    const failure = failureOf(file('missing.json'));
    expect(failure).toMatchObject({
      file: file('missing.json'),
      fault: 'UNREADABLE',
      code: 'BAD_USER_INPUT',
    });
    expect(failure.message).toMatch(/^SLA policy file .*missing\.json cannot be read: ENOENT/);
  });

  it('refuses a directory', () => {
    expect(failureOf(directory)).toMatchObject({
      fault: 'UNREADABLE',
      problems: [expect.stringContaining('EISDIR')],
    });
  });

  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  (asRoot ? it.skip : it)('refuses a file it may not read', async () => {
    const path = await write('secret.json', '{}');
    await chmod(path, 0o000);
    expect(failureOf(path)).toMatchObject({
      fault: 'UNREADABLE',
      problems: [expect.stringContaining('EACCES')],
    });
  });

  it('names a file that is not JSON, with the parser position', async () => {
    const failure = failureOf(await write('broken.json', '{"default": {"actWithin": "PT6S",}}'));
    expect(failure.fault).toBe('NOT_JSON');
    expect(failure.message).toContain('broken.json is not valid JSON: ');
    expect(failure.problems[0]).toMatch(/position|JSON/);
  });

  it('names an empty file as not JSON', async () => {
    expect(failureOf(await write('empty.json', '')).fault).toBe('NOT_JSON');
  });

  it('lists what is wrong with an invalid policy, each at its JSON path', async () => {
    const path = await write(
      'invalid.json',
      JSON.stringify({ default: { actWithin: 'P1W' }, rows: [{ kind: 'ISP', acknowledgeWithin: 'PT1H' }] }),
    );
    const failure = failureOf(path);
    expect(failure.fault).toBe('INVALID');
    expect(failure.problems).toEqual([
      expect.stringMatching(/^\$\.default\.actWithin: must be an ISO 8601 duration/),
      expect.stringMatching(/^\$\.rows\[0\]\.kind: must be one of CSIRT/),
    ]);
    expect(failure.message).toContain(
      `SLA policy file ${path} is not a valid SLA policy: $.default.actWithin`,
    );
  });
});
