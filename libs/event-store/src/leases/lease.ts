/**
 * The right to run one named task (a projection, a process manager) in one process at a time. A
 * lease is lost when its holder's connection to the lock service ends, for instance when the process
 * dies; a standby then takes it over.
 */
export interface Lease {
  readonly name: string;
  /** Resolves when the lease is lost without being released. */
  readonly lost: Promise<void>;
  isHeld(): boolean;
  release(): Promise<void>;
}

export interface LeaseProvider {
  /** The lease if nobody holds it, else null; never waits. */
  tryAcquire(name: string): Promise<Lease | null>;
}

export const LEASES = Symbol('Leases');

/** One process owns everything: the embedded single-node mode. Leases only exclude within it. */
export class LocalLeases implements LeaseProvider {
  private readonly held = new Set<string>();

  tryAcquire(name: string): Promise<Lease | null> {
    if (this.held.has(name)) return Promise.resolve(null);
    this.held.add(name);
    const held = this.held;
    let holding = true;
    return Promise.resolve({
      name,
      lost: new Promise<void>(() => undefined),
      isHeld: () => holding,
      release: () => {
        holding = false;
        held.delete(name);
        return Promise.resolve();
      },
    });
  }
}
