export * from './clock';
export * from './ids';
export * from './event-metadata';
export * from './errors/domain-error';
export * from './config/config.schema';
export * from './config/load-config';
