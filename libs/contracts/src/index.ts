export * from './services';
export * from './vocabulary';
export * from './queues';
export * from './rpc';
export * from './events/envelope';
export * from './events/catalogue';
export type * from './events/case.events';
export type * from './events/scheduling.events';
export type * from './events/notifications.events';
export {
  ATTENDANCE_CONFIRMED_VIA,
  SESSION_CANCEL_REASONS,
  SESSION_OUTCOMES,
  VENUE_KINDS,
} from './events/scheduling.events';
export { MESSAGE_PURPOSES, MESSAGE_STATUSES } from './events/notifications.events';
