import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventPayloads, EventType, NewEvent, SessionCancelReason } from '#contracts';
import { Outbox } from '#messaging';
import type { Resource } from '../booking/reservation.repository';
import type { VenueEntity } from '../venues/venue.entity';
import type { SessionEntity } from './session.entity';
import { SessionRepository } from './session.repository';

/**
 * The changes of a session's state. Each saves the session with its history entry and its
 * reservations (one statement), and records the event others must hear of, in the caller's
 * transaction, so they all commit together.
 */
@Injectable()
export class SessionLifecycle {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly outbox: Outbox,
  ) {}

  async cancel(manager: EntityManager, session: SessionEntity, reason: SessionCancelReason, actor: string): Promise<void> {
    const wasBookedFor = session.status === 'booked' ? session.startsAt!.toISOString() : null;
    Object.assign(session, { status: 'cancelled', version: session.version + 1, cancelReason: reason, ...unplaced });
    await this.sessions.record(manager, session, { action: 'cancelled', actor, reservations: 'release' });
    await this.emit(manager, session, 'session.cancelled', { ...facts(session), reason, wasBookedFor });
  }

  /** A lapsed or withdrawn hold: back to pending, nobody was told of it. */
  async unhold(manager: EntityManager, session: SessionEntity, action: string, actor: string): Promise<void> {
    Object.assign(session, { status: 'pending', ...unplaced });
    await this.sessions.record(manager, session, { action, actor, reservations: 'release' });
  }

  /** Held at its (new) time and venue until `until`, its people and room reserved; nobody is told yet. */
  async held(manager: EntityManager, session: SessionEntity, reserved: Resource[], until: Date, actor: string): Promise<void> {
    Object.assign(session, { status: 'held', holdExpiresAt: until });
    await this.sessions.record(manager, session, { action: 'held', actor, reservations: reserved });
  }

  /** Booked: from a hold (its reservations kept), or placed outright (`reserved` taken anew). */
  async booked(manager: EntityManager, session: SessionEntity, venue: VenueEntity, actor: string, reserved: Resource[] | 'keep' = 'keep'): Promise<void> {
    Object.assign(session, { status: 'booked', holdExpiresAt: null });
    await this.sessions.record(manager, session, { action: 'booked', actor, reservations: reserved });
    await this.emit(manager, session, 'session.booked', placedFacts(session, venue));
  }

  async rescheduled(
    manager: EntityManager,
    session: SessionEntity,
    previous: { startsAt: Date; venueId: string },
    venue: VenueEntity,
    reserved: Resource[],
    actor: string,
  ): Promise<void> {
    session.version += 1;
    await this.sessions.record(manager, session, { action: 'rescheduled', actor, reservations: reserved });
    await this.emit(manager, session, 'session.rescheduled', {
      ...placedFacts(session, venue),
      previousStartsAt: previous.startsAt.toISOString(),
      previousVenueId: previous.venueId,
    });
  }

  private emit<T extends EventType>(manager: EntityManager, session: SessionEntity, type: T, payload: EventPayloads[T]) {
    const event: NewEvent<T> = { type, caseId: session.caseId, organisationId: session.organisationId, payload };
    return this.outbox.record(manager, event);
  }
}

const unplaced = { startsAt: null, endsAt: null, venueId: null, holdExpiresAt: null };

function facts(session: SessionEntity) {
  return {
    sessionId: session.id,
    kind: session.kind,
    version: session.version,
    participantIds: session.participantIds,
    facilitatorIds: session.facilitatorIds,
  };
}

function placedFacts(session: SessionEntity, venue: VenueEntity) {
  return {
    ...facts(session),
    startsAt: session.startsAt!.toISOString(),
    endsAt: session.endsAt!.toISOString(),
    venueId: venue.id,
    venueKind: venue.kind,
  };
}
