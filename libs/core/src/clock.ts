/** Time enters the domain only through a Clock, so deciders stay deterministic under test. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('Clock');

export const systemClock: Clock = { now: () => new Date() };
