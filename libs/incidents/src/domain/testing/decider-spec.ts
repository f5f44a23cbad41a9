import type { IncidentCommand } from '../incident.commands';
import { decideIncident } from '../incident.decider';
import type { IncidentEvent } from '../incident.events';
import { foldIncident } from '../incident.state';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface DeciderThen {
  /** Asserts the exact events decided, in order; `[]` asserts a no-op. */
  then(expected: readonly IncidentEvent[]): void;
  /** Asserts the decider threw an instance of `errorClass`, and returns it for further checks. */
  thenThrows<E extends ErrorClass>(errorClass: E, message?: string | RegExp): InstanceType<E>;
}

/**
 * given/when/then for the incident decider: the history is replayed with `evolveIncident`, the
 * command decided against the result. Reading a spec then needs no knowledge of the state shape.
 */
export function given(history: readonly IncidentEvent[]): { when(command: IncidentCommand): DeciderThen } {
  return {
    when(command) {
      const decide = (): readonly IncidentEvent[] => decideIncident(command, foldIncident(history));
      return {
        then(expected) {
          expect(decide()).toEqual(expected);
        },
        thenThrows(errorClass, message) {
          let events: readonly IncidentEvent[] | undefined;
          let thrown: unknown;
          try {
            events = decide();
          } catch (error: unknown) {
            thrown = error;
          }
          if (events !== undefined) {
            throw new Error(
              `expected ${errorClass.name}, but the decider returned ${JSON.stringify(events)}`,
            );
          }
          expect(thrown).toBeInstanceOf(errorClass);
          if (message !== undefined) expect((thrown as Error).message).toMatch(message);
          return thrown as InstanceType<typeof errorClass>;
        },
      };
    },
  };
}
