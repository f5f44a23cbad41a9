import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../domain/sla/sla-policy';
import { InvalidSlaPolicyError, SlaPolicyFileError } from '../domain/sla/sla-policy.errors';
import { parseSlaPolicy } from '../domain/sla/sla-policy.parser';

/**
 * The SLA policy the process runs on: DEFAULT_SLA_POLICY without a file, else the file named by
 * SLA_POLICY laid over it (precedence in sla-policy.parser.ts). Read once at start and synchronously,
 * so a bad file stops the process before any clock is scheduled on a policy nobody meant.
 *
 * @param path the SLA_POLICY setting; relative paths are read from the working directory.
 * @throws SlaPolicyFileError naming the file (as an absolute path) and everything wrong with it.
 */
export function loadSlaPolicy(path: string | undefined): SlaPolicy {
  if (path === undefined) return DEFAULT_SLA_POLICY;
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SlaPolicyFileError(file, 'UNREADABLE', [reasonOf(error)]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SlaPolicyFileError(file, 'NOT_JSON', [reasonOf(error)]);
  }
  try {
    return parseSlaPolicy(json);
  } catch (error) {
    if (error instanceof InvalidSlaPolicyError) throw new SlaPolicyFileError(file, 'INVALID', error.problems);
    throw error;
  }
}

/**
 * The system's own words (ENOENT, EACCES, EISDIR; the JSON parser's position) say best what went
 * wrong. Read `message` off any object: errors from Node's core can come from another realm (jest's
 * VM sandbox), where `instanceof Error` is false.
 */
function reasonOf(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string'
  ) {
    return error.message;
  }
  return String(error);
}
