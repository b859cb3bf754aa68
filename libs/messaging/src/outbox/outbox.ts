import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { EVENT_CATALOGUE, NewEvent, ServiceName } from '#contracts';
import { OutboxRepository } from './outbox.repository';

/**
 * Records domain events in the caller's transaction: the event exists if and only if the
 * change that caused it was committed. The relay publishes it later.
 */
export class Outbox {
  private readonly repository: OutboxRepository;

  constructor(service: ServiceName) {
    this.repository = new OutboxRepository(service);
  }

  async record(manager: EntityManager, ...events: NewEvent[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('events must be recorded inside the transaction of the change that caused them');
    }
    const occurredAt = new Date().toISOString();
    await this.repository.insert(
      manager,
      events.map((event) => ({
        ...event,
        id: randomUUID(),
        version: EVENT_CATALOGUE[event.type].version,
        occurredAt,
      })),
    );
  }
}
