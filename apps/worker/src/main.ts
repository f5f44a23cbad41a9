import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { type AppConfig, ConfigError, loadConfig } from '@app/core';
import { redisForRole } from './redis/redis-for-role';
import { WorkerAppModule } from './worker-app.module';

export async function startWorker(config: AppConfig): Promise<void> {
  const redis = await redisForRole(config);
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(config, redis), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log('dnscc worker started');
}

if (require.main === module) {
  let config: AppConfig;
  try {
    config = loadConfig({ ...process.env, ROLE: process.env['ROLE'] ?? 'worker' });
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(78);
  }
  startWorker(config).catch((error: unknown) => {
    process.stderr.write(`dnscc worker failed to start: ${String(error)}\n`);
    process.exit(1);
  });
}
