import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The machine a run measured, so that figures from different hosts are not compared blindly. */
export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly node: string;
  readonly platform: string;
  readonly osRelease: string;
  readonly arch: string;
  readonly totalMemoryMiB: number;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    node: process.version,
    platform: process.platform,
    osRelease: os.release(),
    arch: process.arch,
    totalMemoryMiB: Math.round(os.totalmem() / 2 ** 20),
  };
}

/** The 1, 5 and 15 minute load averages: how busy the machine was apart from the benchmark. */
export const loadAverage = (): number[] => os.loadavg().map((load) => Math.round(load * 100) / 100);

/** A file-name-safe timestamp: 2025-01-31T10-20-30Z. */
export const fileTimestamp = (date: Date): string =>
  date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');

export interface WrittenFiles {
  readonly json: string;
  readonly latestJson: string;
  readonly latestSvg: string;
}

/** Writes <name>-<timestamp>.json, <name>-latest.json and <name>-latest.svg into `outDir`. */
export function writeBenchResults(
  outDir: string,
  name: string,
  startedAt: Date,
  results: unknown,
  svg: string,
): WrittenFiles {
  mkdirSync(outDir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const files: WrittenFiles = {
    json: path.join(outDir, `${name}-${fileTimestamp(startedAt)}.json`),
    latestJson: path.join(outDir, `${name}-latest.json`),
    latestSvg: path.join(outDir, `${name}-latest.svg`),
  };
  writeFileSync(files.json, json);
  writeFileSync(files.latestJson, json);
  writeFileSync(files.latestSvg, svg);
  return files;
}

/** The installed autocannon's version, recorded with the results. */
export function autocannonVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(require.resolve('autocannon/package.json'), 'utf8'));
  const version =
    typeof manifest === 'object' && manifest !== null
      ? (manifest as { version?: unknown }).version
      : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/** The commit measured, and how many files differed from it: results of a dirty tree are not that commit's. */
export function sourceRevision(): { readonly commit: string; readonly changedFiles: number } | null {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { encoding: 'utf8', stdio: 'pipe' });
    const changed = git('status', '--porcelain')
      .split('\n')
      .filter((line) => line.trim() !== '');
    return { commit: git('rev-parse', 'HEAD').trim(), changedFiles: changed.length };
  } catch {
    return null;
  }
}

/** Writes <name>-<timestamp>.md and <name>-latest.md into `outDir`: the report as printed, for pasting into docs. */
export function writeBenchMarkdown(
  outDir: string,
  name: string,
  startedAt: Date,
  markdown: string,
): string[] {
  mkdirSync(outDir, { recursive: true });
  const files = [
    path.join(outDir, `${name}-${fileTimestamp(startedAt)}.md`),
    path.join(outDir, `${name}-latest.md`),
  ];
  for (const file of files) writeFileSync(file, markdown);
  return files;
}
