import { eventsSubscribedBy, EventType, ServiceName } from '#contracts';
import { EventHandlerFn, handledEvents } from './handles-event.decorator';

/**
 * One handler per subscribed event, checked at boot: a subscription without a handler, a
 * second handler, or a handler for an event the service does not receive stops the process
 * before it takes any job.
 */
export function buildHandlerMap(service: ServiceName, handlerInstances: object[]): Map<EventType, EventHandlerFn> {
  const map = new Map<EventType, EventHandlerFn>();
  const subscribed = new Set(eventsSubscribedBy(service));
  for (const instance of handlerInstances) {
    for (const [type, handler] of handledEvents(instance)) {
      if (!subscribed.has(type)) {
        throw new Error(`${instance.constructor.name} handles ${type}, which ${service} does not subscribe to in libs/contracts`);
      }
      if (map.has(type)) throw new Error(`${service} has two handlers for ${type}`);
      map.set(type, handler);
    }
  }
  const missing = [...subscribed].filter((type) => !map.has(type));
  if (missing.length > 0) throw new Error(`${service} subscribes to ${missing.join(', ')} but has no handler`);
  return map;
}
