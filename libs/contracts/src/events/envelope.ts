import type { ServiceName } from '../services';
import type { EventPayloads, EventType } from './catalogue';

/**
 * What crosses between services: ids and facts, never contact details. `version` is the
 * payload's version; a consumer handles the versions it knows and fails loudly on others.
 */
export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  version: number;
  occurredAt: string;
  source: ServiceName;
  /** Order of the event among its source's events; lets consumers spot stale updates. */
  sequence: number;
  caseId: string | null;
  organisationId: string | null;
  payload: EventPayloads[T];
}

/** What a producer supplies; the outbox adds id, version, time, source and sequence. */
export interface NewEvent<T extends EventType = EventType> {
  type: T;
  caseId: string | null;
  organisationId: string | null;
  payload: EventPayloads[T];
}
