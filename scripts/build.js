#!/usr/bin/env node
// Compiles apps/, libs/ and test/ to dist/ with swc (about a second); type-checking is `npm run typecheck`.
// It builds into a fresh folder and swaps it in, so a server started from dist/ never sees half a build.
const { execFileSync } = require('node:child_process');
const { renameSync, rmSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const staging = path.join(root, `.dist-${process.pid}`);
const swc = require.resolve('@swc/cli/bin/swc.js');
const args = [
  'apps',
  'libs',
  'test',
  '--out-dir',
  staging,
  '--config-file',
  '.swcrc',
  '--ignore',
  '**/*.spec.ts',
  '--quiet',
];
try {
  execFileSync(process.execPath, [swc, ...args], { cwd: root, stdio: 'inherit' });
  const old = path.join(root, `.dist-old-${process.pid}`);
  try {
    renameSync(path.join(root, 'dist'), old);
  } catch {
    // no previous build
  }
  renameSync(staging, path.join(root, 'dist'));
  rmSync(old, { recursive: true, force: true });
} finally {
  rmSync(staging, { recursive: true, force: true });
}
