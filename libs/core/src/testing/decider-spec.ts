type ErrorClass = abstract new (...args: never[]) => Error;

export interface DeciderThen<Event> {
  /** Asserts the exact events decided, in order; `[]` asserts a no-op. */
  then(expected: readonly Event[]): void;
  /** Asserts the decider threw an instance of `errorClass`, and returns it for further checks. */
  thenThrows<E extends ErrorClass>(errorClass: E, message?: string | RegExp): InstanceType<E>;
}

/**
 * given/when/then for a decider: the history is folded with `evolve` from `initial`, the command
 * decided against the result. Reading a spec then needs no knowledge of the state's shape.
 */
export function deciderSpec<Command, Event, State>(
  decide: (command: Command, state: State) => readonly Event[],
  evolve: (state: State, event: Event) => State,
  initial: () => State,
): (history: readonly Event[]) => { when(command: Command): DeciderThen<Event> } {
  return (history) => ({
    when(command) {
      const run = (): readonly Event[] => decide(command, history.reduce(evolve, initial()));
      return {
        then(expected) {
          expect(run()).toEqual(expected);
        },
        thenThrows(errorClass, message) {
          let events: readonly Event[] | undefined;
          let thrown: unknown;
          try {
            events = run();
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
  });
}
