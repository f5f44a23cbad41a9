import type { IntakeBenchConfig } from './bench-config';
import type { IntakeOperation } from './intake-requests';
import type { PhasePlan } from './load-phase';

/** The stored operation first, then its baseline, each against its own fresh server. */
export const OPERATIONS: readonly IntakeOperation[] = ['reportIncident', 'validateIncidentReport'];

/** Warm-up, the fixed rates in order, then the unthrottled phases: the same plan for both operations. */
export function planFor(operation: IntakeOperation, config: IntakeBenchConfig): PhasePlan[] {
  const warmup: PhasePlan[] =
    config.warmupS > 0
      ? [
          {
            operation,
            kind: 'warmup',
            targetRate: null,
            connections: config.rateConnections,
            durationS: config.warmupS,
            staggered: false,
          },
        ]
      : [];
  return [
    ...warmup,
    ...config.rates.map((rate): PhasePlan => ({
      operation,
      kind: 'rate',
      targetRate: rate,
      connections: Math.min(config.rateConnections, rate),
      durationS: config.durationS,
      staggered: config.stagger,
    })),
    ...config.maxConnections.map((connections): PhasePlan => ({
      operation,
      kind: 'max',
      targetRate: null,
      connections,
      durationS: config.durationS,
      staggered: false,
    })),
  ];
}
