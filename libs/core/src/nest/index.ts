export * from './request-context.decorator';
export * from './core.module';
export * from './date-time.scalar';
export * from './page-info.type';
export * from './actor.type';
export * from './timeline-entry.type';
export * from './subscription-error';
export * from './enum-of';
