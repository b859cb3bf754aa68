import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventPayloads, EventType, NewEvent, SessionCancelReason } from '#contracts';
import { Outbox } from '#messaging';
import { ReservationRepository } from '../booking/reservation.repository';
import type { VenueEntity } from '../venues/venue.entity';
import type { SessionEntity } from './session.entity';
import { SessionRepository } from './session.repository';

/**
 * The changes of a session's state that others must hear of. Each saves the session, appends
 * its history and records its event in the caller's transaction, so all three commit together.
 */
@Injectable()
export class SessionLifecycle {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly reservations: ReservationRepository,
    private readonly outbox: Outbox,
  ) {}

  async cancel(manager: EntityManager, session: SessionEntity, reason: SessionCancelReason, actor: string): Promise<void> {
    const wasBookedFor = session.status === 'booked' ? session.startsAt!.toISOString() : null;
    await this.reservations.release(manager, session.id);
    Object.assign(session, { status: 'cancelled', version: session.version + 1, cancelReason: reason, ...unplaced });
    await this.sessions.save(manager, session);
    await this.sessions.addHistory(manager, session, 'cancelled', actor);
    await this.emit(manager, session, 'session.cancelled', { ...facts(session), reason, wasBookedFor });
  }

  /** A lapsed or withdrawn hold: back to pending, nobody was told of it. */
  async unhold(manager: EntityManager, session: SessionEntity, action: string, actor: string): Promise<void> {
    await this.reservations.release(manager, session.id);
    Object.assign(session, { status: 'pending', ...unplaced });
    await this.sessions.save(manager, session);
    await this.sessions.addHistory(manager, session, action, actor);
  }

  async booked(manager: EntityManager, session: SessionEntity, venue: VenueEntity, actor: string): Promise<void> {
    Object.assign(session, { status: 'booked', holdExpiresAt: null });
    await this.sessions.save(manager, session);
    await this.sessions.addHistory(manager, session, 'booked', actor);
    await this.emit(manager, session, 'session.booked', placedFacts(session, venue));
  }

  async rescheduled(manager: EntityManager, session: SessionEntity, previous: { startsAt: Date; venueId: string }, venue: VenueEntity, actor: string) {
    session.version += 1;
    await this.sessions.save(manager, session);
    await this.sessions.addHistory(manager, session, 'rescheduled', actor);
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
