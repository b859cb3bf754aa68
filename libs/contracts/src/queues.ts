import type { ServiceName } from './services';

/**
 * BullMQ queue names. Each service receives its events on its own queue, so one slow
 * consumer never holds up another; names may not contain ':' (BullMQ's key separator).
 */
export function eventQueueFor(service: ServiceName): string {
  return `events-${service}`;
}
