import type { Clock } from '@app/core';
import type { Sleep } from '../rdap-rate-limiter';

/**
 * A clock that only moves when told to, and a `sleep` that moves it instead of waiting: tests of
 * backoff, rate limits and cache expiry run instantly and see exactly which delays were asked for.
 */
export class FakeTime {
  /** Every delay passed to `sleep`, in order. */
  readonly sleeps: number[] = [];
  private nowMs: number;

  constructor(start = '2026-11-27T10:00:00.000Z') {
    this.nowMs = Date.parse(start);
  }

  readonly clock: Clock = { now: () => new Date(this.nowMs) };

  readonly sleep: Sleep = (ms) => {
    this.sleeps.push(ms);
    this.advance(ms);
    return Promise.resolve();
  };

  advance(ms: number): void {
    this.nowMs += ms;
  }

  iso(): string {
    return new Date(this.nowMs).toISOString();
  }
}
