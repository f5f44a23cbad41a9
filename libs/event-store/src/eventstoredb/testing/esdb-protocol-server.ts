import * as grpc from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { serveAppend } from './esdb-protocol-append';
import { serveBatchAppend } from './esdb-protocol-batch-append';
import { type AppendOutcome, type ExpectedState, InMemoryLog, type ProposedEvent } from './esdb-protocol-log';
import { serveRead } from './esdb-protocol-read';

/**
 * Which server generation to imitate. A current KurrentDB (the default) appends through BatchAppend
 * and sends caught_up to subscriptions; EventStoreDB before 21.10 had no BatchAppend, before 23.10
 * no caught_up message.
 */
export interface ServerGeneration {
  readonly batchAppend?: boolean;
  readonly caughtUp?: boolean;
}

/**
 * A protocol-level fake of an EventStoreDB/KurrentDB node, for tests: an in-process, insecure gRPC
 * server speaking the Streams service (Append, BatchAppend, Read: stream, $all, $all subscription) and
 * ServerFeatures, over the service definitions `@eventstore/db-client` ships in `generated/`. Events
 * live in memory in one log, positions growing in commit order. It fakes the server, not an adapter:
 * the real client talks to it through the real wire protocol. What it leaves out is in the README.
 */
export class EsdbProtocolServer {
  private readonly server = new grpc.Server();
  private readonly log = new InMemoryLog();
  private boundPort: number | undefined;

  constructor(generation: ServerGeneration = {}) {
    const batchAppend = generation.batchAppend ?? true;
    this.server.addService(StreamsService, {
      read: (call: Parameters<typeof serveRead>[1]) => {
        serveRead(this.log, call, { caughtUp: generation.caughtUp ?? true });
      },
      append: (call: Parameters<typeof serveAppend>[1], respond: Parameters<typeof serveAppend>[2]) => {
        serveAppend(this.log, call, respond);
      },
      // Delete and Tombstone are left out, and BatchAppend when told: grpc-js answers them UNIMPLEMENTED.
      ...(batchAppend && {
        batchAppend: (call: Parameters<typeof serveBatchAppend>[1]) => {
          serveBatchAppend(this.log, call);
        },
      }),
    });
    this.server.addService(ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, respond: grpc.sendUnaryData<SupportedMethods>) => {
        respond(null, supportedMethods(batchAppend));
      },
    });
  }

  /** Listens on 127.0.0.1 on a free port. */
  async start(): Promise<void> {
    this.boundPort = await new Promise<number>((resolve, reject) => {
      this.server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
        if (error) reject(error);
        else resolve(port);
      });
    });
  }

  get port(): number {
    if (this.boundPort === undefined) throw new Error('The protocol server has not been started');
    return this.boundPort;
  }

  /** What a client passes to `EventStoreDBClient.connectionString`. */
  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /**
   * Writes straight into the log, bypassing gRPC: for what the server writes itself (system events
   * such as `$metadata`, `$statsCollected`), which no client could.
   */
  writeDirectly(
    streamName: string,
    events: readonly ProposedEvent[],
    expected: ExpectedState = { kind: 'any' },
  ): AppendOutcome {
    return this.log.append(streamName, expected, events);
  }

  /** Ends every call, live subscriptions included: a stopped node. */
  stop(): Promise<void> {
    this.server.forceShutdown();
    return Promise.resolve();
  }
}

/**
 * Reported honestly, as the server does (lower case): what this fake serves. The client appends
 * through BatchAppend when it is listed and through Append otherwise.
 */
function supportedMethods(batchAppend: boolean): SupportedMethods {
  const method = (serviceName: string, methodName: string, features: string[] = []) =>
    new SupportedMethod().setServiceName(serviceName).setMethodName(methodName).setFeaturesList(features);
  const streams = 'event_store.client.streams.streams';
  return new SupportedMethods()
    .setEventStoreServerVersion('0.0.0-dnscc-protocol-fake')
    .setMethodsList([
      method(streams, 'read', ['position', 'events']),
      method(streams, 'append'),
      ...(batchAppend ? [method(streams, 'batchappend', ['deadline_duration'])] : []),
      method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
    ]);
}
