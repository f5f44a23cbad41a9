#!/usr/bin/env node
// Compiles apps/, libs/ and test/ to dist/ with swc (about a second); type-checking is `npm run typecheck`.
const { execFileSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    require.resolve('@swc/cli/bin/swc.js'),
    'apps',
    'libs',
    'test',
    '--out-dir',
    'dist',
    '--config-file',
    '.swcrc',
    '--ignore',
    '**/*.spec.ts',
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit' },
);
