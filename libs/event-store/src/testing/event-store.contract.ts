import { describeAppendContract } from './contract/append.contract';
import { describeConcurrencyContract } from './contract/concurrency.contract';
import { type EventStoreFactory, useEventStore } from './contract/contract-fixtures';
import { describeReadContract } from './contract/read.contract';
import { describeSubscriptionContract } from './contract/subscription.contract';

export type { EventStoreFactory } from './contract/contract-fixtures';

/**
 * The executable definition of the EventStore port: every adapter runs this one suite from its
 * `*.int.spec.ts`. It uses only the port, opens a fresh store per test through `factory`, and names
 * every stream uniquely so it also passes against a store shared between tests (a real EventStoreDB).
 */
export function describeEventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`${name} honours the EventStore contract`, () => {
    const store = useEventStore(factory);
    describeAppendContract(store);
    describeReadContract(store);
    describeSubscriptionContract(store);
    describeConcurrencyContract(store);
  });
}
