export * from './services';
export * from './vocabulary';
export * from './queues';
export * from './rpc';
export * from './events/envelope';
export * from './events/catalogue';
export type * from './events/case.events';
export type * from './events/scheduling.events';
export { SESSION_CANCEL_REASONS, VENUE_KINDS } from './events/scheduling.events';
