export * from './services';
export * from './vocabulary';
export * from './queues';
export * from './rpc';
export * from './events/envelope';
export * from './events/catalogue';
export type * from './events/case.events';
