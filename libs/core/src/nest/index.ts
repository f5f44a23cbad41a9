export * from './request-context.decorator';
export * from './core.module';
