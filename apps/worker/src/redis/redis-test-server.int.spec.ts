import { existsSync } from 'node:fs';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { RedisTestServer } from '@test/support/redis-server';
import { redisConnectionOptions } from './redis-connection';
import { isRedisServerProcess } from './redis-server-process';

describe('RedisTestServer (test/support), for integration tests of queue code', () => {
  it('runs a throwaway redis-server on a free loopback port, and cleans up after itself', async () => {
    const server = await RedisTestServer.start();
    const client = server.client();
    try {
      expect(server.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      expect(server.port).not.toBe(6379);
      await client.set('k', 'v');
      expect(await server.usedMemoryBytes()).toBeGreaterThan(0);
      await server.flushAll();
      expect(await client.dbsize()).toBe(0);
    } finally {
      client.disconnect();
      await server.stop();
    }
    expect(isRedisServerProcess(server.processId)).toBe(false);
    expect(existsSync(server.dir)).toBe(false);
  });

  it('with appendonly, keeps acknowledged writes across kill -9 and a restart', async () => {
    const server = await RedisTestServer.start({ appendonly: true });
    try {
      const before = server.client();
      await before.set('clock', 'open');
      before.disconnect();
      await server.kill9();
      await server.restart();
      const after = server.client();
      expect(await after.get('clock')).toBe('open');
      after.disconnect();
    } finally {
      await server.stop();
    }
  });

  it('carries a BullMQ job from a queue to a worker with the application’s connection options', async () => {
    const server = await RedisTestServer.start();
    const connection = redisConnectionOptions(server.url);
    const queue = new Queue('sla-smoke', { connection });
    const events = new QueueEvents('sla-smoke', { connection });
    const worker = new Worker('sla-smoke', (job) => Promise.resolve(`seen ${String(job.data)}`), {
      connection,
    });
    try {
      await events.waitUntilReady();
      const job = await queue.add('tick', 'incident-1');
      await expect(job.waitUntilFinished(events, 10_000)).resolves.toBe('seen incident-1');
    } finally {
      await worker.close();
      await events.close();
      await queue.close();
      await server.stop();
    }
  });
});
