import { spawnSync } from 'node:child_process';
import path from 'node:path';

const CHECK = path.resolve(__dirname, '../dist/apps/api/src/schema/check-schema.js');

describe('schema.gql', () => {
  it('is the schema the resolvers produce (run `npm run schema:write` after changing the API)', () => {
    const result = spawnSync(process.execPath, [CHECK], {
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
