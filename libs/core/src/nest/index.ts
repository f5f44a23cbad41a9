export * from './request-context.decorator';
export * from './core.module';
export * from './date-time.scalar';
