import type { EntityManager } from 'typeorm';
import type { DomainEvent, EventType } from '#contracts';

const HANDLED_EVENTS = Symbol('handledEvents');

/**
 * Runs inside the transaction that also records the event as processed: its writes and that
 * record commit together, so a redelivery finds the record and has no second effect.
 */
export type EventHandlerFn<T extends EventType = EventType> = (event: DomainEvent<T>, manager: EntityManager) => Promise<void>;

/** Marks a method as the handler of an event type. */
export function HandlesEvent(type: EventType): MethodDecorator {
  return (target, key) => {
    const owner = target as { [HANDLED_EVENTS]?: [EventType, string | symbol][] };
    owner[HANDLED_EVENTS] = [...(owner[HANDLED_EVENTS] ?? []), [type, key]];
  };
}

export function handledEvents(instance: object): [EventType, EventHandlerFn][] {
  const entries = (instance as { [HANDLED_EVENTS]?: [EventType, string | symbol][] })[HANDLED_EVENTS] ?? [];
  return entries.map(([type, key]) => {
    const method = (instance as Record<string | symbol, EventHandlerFn>)[key]!;
    return [type, method.bind(instance)];
  });
}
