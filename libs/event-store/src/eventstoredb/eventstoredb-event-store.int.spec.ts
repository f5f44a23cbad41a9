/**
 * A protocol-level test against a fake server. The real `@eventstore/db-client` speaks gRPC to
 * `testing/esdb-protocol-server.ts`, an in-process imitation of an EventStoreDB node written for these
 * tests; no EventStoreDB runs here. It proves the adapter and its use of the wire protocol, not how a
 * real server behaves. A real KurrentDB runs via docker-compose (the `kurrentdb` service); with its
 * port published (see the comment there), DNSCC_TEST_KURRENTDB_URL=esdb://localhost:2113?tls=false
 * runs the contract against it as well.
 */
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent, START } from '@eventstore/db-client';
import { IdempotencyViolationError, WrongExpectedRevisionError } from '../event-store.errors';
import type { RecordedEvent } from '../event-store.port';
import {
  collect,
  newEvent,
  newEvents,
  newStreamId,
  rejectionOf,
} from '../testing/contract/contract-fixtures';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store.adapter';
import { EventStoreDbSubscription } from './eventstoredb-subscription';
import { EsdbProtocolServer, type ServerGeneration } from './testing/esdb-protocol-server';

// Appends here write one claim per event id as well, so the contract's 1,200-event test takes seconds
// on a busy machine: more than jest's default 5 s allows.
jest.setTimeout(30_000);

const storeOnFreshServer = (generation?: ServerGeneration) => async () => {
  const server = new EsdbProtocolServer(generation);
  await server.start();
  const store = EventStoreDbEventStore.connect(server.connectionString);
  return {
    store,
    dispose: async () => {
      await store.close();
      await server.stop();
    },
  };
};

// A current server: the client appends through BatchAppend, subscriptions get caught_up.
describeEventStoreContract('EventStoreDbEventStore (gRPC protocol server)', storeOnFreshServer());
// EventStoreDB before 21.10: plain Append, and caughtUp must come from the head position.
describeEventStoreContract(
  'EventStoreDbEventStore (gRPC protocol server without BatchAppend and caught_up)',
  storeOnFreshServer({ batchAppend: false, caughtUp: false }),
);

const realServer = process.env.DNSCC_TEST_KURRENTDB_URL;
if (realServer !== undefined && realServer !== '') {
  // The contract names every stream uniquely, so one long-lived server serves every test and run.
  describeEventStoreContract(`EventStoreDbEventStore (${realServer})`, () => {
    const store = EventStoreDbEventStore.connect(realServer);
    return Promise.resolve({ store, dispose: () => store.close() });
  });
}

describe('EventStoreDbEventStore over gRPC', () => {
  let server: EsdbProtocolServer;
  let store: EventStoreDbEventStore;
  let client: EventStoreDBClient;
  beforeEach(async () => {
    server = new EsdbProtocolServer();
    await server.start();
    store = EventStoreDbEventStore.connect(server.connectionString);
    client = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterEach(async () => {
    await Promise.all([store.close(), client.dispose()]);
    await server.stop();
  });

  it('connects insecurely only when the connection string says tls=false', async () => {
    expect(server.connectionString).toBe(`esdb://127.0.0.1:${server.port}?tls=false`);
    const tlsStore = EventStoreDbEventStore.connect(`esdb://localhost:${server.port}`);
    const error = await rejectionOf(
      tlsStore.append(newStreamId(), [newEvent()], { expectedRevision: 'any' }),
    );
    expect(error).toMatchObject({ message: expect.stringContaining('UNAVAILABLE') as unknown });
    await tlsStore.close();
  });

  it('accepts the kurrentdb:// scheme as well as esdb://', async () => {
    const kurrent = EventStoreDbEventStore.connect(`kurrentdb://127.0.0.1:${server.port}?tls=false`);
    const written = await kurrent.append(newStreamId(), [newEvent()], { expectedRevision: 'no_stream' });
    expect(written.nextRevision).toBe(0n);
    await kurrent.close();
  });

  it('reports a lost race as WrongExpectedRevisionError carrying the revision that won', async () => {
    const stream = newStreamId();
    await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' });
    // Another process wins the race for revision 1, and then writes once more.
    await client.appendToStream(
      stream,
      [jsonEvent({ type: 'Won', data: {} }), jsonEvent({ type: 'Won', data: {} })],
      {
        expectedRevision: 0n,
      },
    );
    const error = await rejectionOf(store.append(stream, [newEvent()], { expectedRevision: 0n }));
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ streamId: stream, expected: 0n, actual: 2n, code: 'CONFLICT' });
  });

  it('hides system events and its own claims from reads, the head position and subscriptions', async () => {
    const stream = newStreamId();
    const events = newEvents(2);
    const before = await store.headPosition();
    await store.append(stream, events, { expectedRevision: 'no_stream' });
    const written = await collect(store.readStream(stream));
    const system = { id: randomUUID(), contentType: 'application/json', customMetadata: new Uint8Array() };
    const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    server.writeDirectly(`$$${stream}`, [{ ...system, type: '$metadata', data: json({ $maxAge: 60 }) }]);
    server.writeDirectly('$stats-127.0.0.1:2113', [
      { ...system, id: randomUUID(), type: '$statsCollected', data: json({}) },
    ]);
    server.writeDirectly(`$ce-${stream}`, [
      { ...system, id: randomUUID(), type: '$>', data: json(`0@${stream}`) },
    ]);

    const ids = (read: readonly RecordedEvent[]) => read.map((event) => event.id);
    expect(ids(await collect(store.readAll({ fromPosition: before })))).toEqual(
      events.map((event) => event.id),
    );
    expect(await store.headPosition()).toBe(written[1]?.position);
    const delivered: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({ fromPosition: before }, (event) => {
      delivered.push(event);
    });
    await subscription.caughtUp;
    expect(ids(delivered)).toEqual(ids(written));
    await subscription.close();

    const claimStreams: string[] = [];
    for await (const resolved of client.readAll({ fromPosition: START })) {
      const name = resolved.event?.streamId ?? '';
      if (name.startsWith('event-id-claim-')) claimStreams.push(name);
    }
    expect(claimStreams.sort()).toEqual(events.map((event) => `event-id-claim-${event.id}`).sort());
  });

  it('keeps event ids unique across processes sharing the server', async () => {
    const other = EventStoreDbEventStore.connect(server.connectionString);
    const [first, second] = [newStreamId(), newStreamId()];
    const events = newEvents(2);
    const original = await store.append(first, events, { expectedRevision: 'no_stream' });
    expect(await other.append(first, events, { expectedRevision: 'no_stream' })).toEqual(original);
    const error = await rejectionOf(other.append(second, events.slice(1), { expectedRevision: 'any' }));
    expect(error).toBeInstanceOf(IdempotencyViolationError);
    await other.close();
  });

  it('keeps the ids of a failed append for its stream: retrying there works, elsewhere is refused', async () => {
    const stream = newStreamId();
    const event = newEvent();
    await expect(store.append(stream, [event], { expectedRevision: 3n })).rejects.toThrow(
      WrongExpectedRevisionError,
    );
    const elsewhere = await rejectionOf(store.append(newStreamId(), [event], { expectedRevision: 'any' }));
    expect(elsewhere).toBeInstanceOf(IdempotencyViolationError);
    expect(await store.append(stream, [event], { expectedRevision: 'no_stream' })).toMatchObject({
      nextRevision: 0n,
    });
  });

  it('refuses event ids that are not UUIDs, which EventStoreDB requires', async () => {
    const error = await rejectionOf(
      store.append(newStreamId(), [{ ...newEvent(), id: 'incident-1' }], { expectedRevision: 'any' }),
    );
    expect(error).toBeInstanceOf(TypeError);
  });

  it('resolves caughtUp from the caught_up message alone, once the events sent before it are handled', async () => {
    const stream = newStreamId();
    await store.append(stream, newEvents(200), { expectedRevision: 'no_stream' });
    const handled: bigint[] = [];
    const source = {
      subscribe: () => client.subscribeToAll({ fromPosition: START }),
      headPosition: () => new Promise<bigint>(() => undefined),
    };
    // A slow handler, so that the client buffers events, and pauses, behind it.
    const subscription = new EventStoreDbSubscription(source, {}, async (event) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (event.streamId === stream) handled.push(event.revision);
    });
    await subscription.caughtUp;
    expect(handled).toHaveLength(200);
    await subscription.close();
  });

  it('rejects done when the server goes away under a subscription', async () => {
    const subscription = store.subscribeToAll({}, () => undefined);
    await subscription.caughtUp;
    await server.stop();
    await expect(subscription.done).rejects.toThrow('CANCELLED');
  });
});
