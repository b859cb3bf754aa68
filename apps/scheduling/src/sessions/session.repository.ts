import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager } from 'typeorm';
import { ConflictError } from '#platform';
import { clashOf, type Resource } from '../booking/reservation.repository';
import { selectEntities } from '../entity-rows';
import { preparedQuery } from '../prepared-query';
import { SessionChangeEntity, SessionEntity, type SessionStatus } from './session.entity';

/**
 * An organisation's sessions, or only those of the cases one facilitator is allocated; with a
 * partnership, also the sessions of that partnership's cases in other organisations (to read).
 */
export interface SessionScope {
  organisationId: string;
  facilitatorId?: string;
  partnershipId?: string;
}

export interface SessionFilter {
  caseId?: string;
  status?: SessionStatus;
  rescheduleRequested?: boolean;
}

/** The session changed between the read a change was decided on and its save. */
export class SessionChanged extends ConflictError {
  constructor(sessionId: string) {
    super('session-changed', `session ${sessionId} changed meanwhile; fetch it and try again`);
  }
}

/** Sessions and their history. */
@Injectable()
export class SessionRepository {
  async insert(manager: EntityManager, session: SessionEntity): Promise<void> {
    await manager.insert(SessionEntity, session);
  }

  /**
   * Saves a change of the session's state (status, version, participants, time, venue, hold,
   * cancel reason) with its history entry, releasing its reservations or taking them anew, in
   * one statement: one round trip for the whole change. The old reservations go before the new
   * ones come in, so a session moved to an overlapping time does not clash with itself.
   *
   * Saved only over the row the change was decided on (its `updatedAt`, to the millisecond):
   * if anyone changed the session meanwhile, nothing is saved and `SessionChanged` is thrown.
   * A caller that locked the row first never sees that.
   */
  async record(manager: EntityManager, session: SessionEntity, change: { action: string; actor: string; reservations: 'keep' | 'release' | Resource[] }): Promise<void> {
    const { reservations } = change;
    const decidedOn = session.updatedAt;
    session.updatedAt = new Date();
    let saved: unknown[];
    try {
      saved = await preparedQuery(
        manager,
        'scheduling-session-change',
        `WITH released AS (
           DELETE FROM scheduling.reservation WHERE session_id = $1 AND $2::boolean RETURNING 1
         ), reserved AS (
           INSERT INTO scheduling.reservation (session_id, resource, during)
           SELECT $1, r.resource, tstzrange($6, $7, '[)')
           FROM unnest($3::text[]) WITH ORDINALITY AS r(resource, n), (SELECT count(*) FROM released) AS first_released
           ORDER BY r.n
           RETURNING 1
         ), saved AS (
           UPDATE scheduling.session SET status = $4, version = $5, participant_ids = $8, starts_at = $6, ends_at = $7, venue_id = $9,
             hold_expires_at = $10, cancel_reason = $11, updated_at = $12
           WHERE id = $1 AND date_trunc('milliseconds', updated_at) = $15 RETURNING 1
         )
         INSERT INTO scheduling.session_change (session_id, version, action, status, starts_at, venue_id, actor, at)
         SELECT $1, $5, $13, $4, $6, $9, $14, $12 FROM saved
         RETURNING 1`,
        [
          session.id,
          reservations !== 'keep',
          // In one order for everyone: two bookings waiting on each other's rows would deadlock.
          Array.isArray(reservations) ? [...reservations].sort() : [],
          session.status,
          session.version,
          session.startsAt,
          session.endsAt,
          session.participantIds,
          session.venueId,
          session.holdExpiresAt,
          session.cancelReason,
          session.updatedAt,
          change.action,
          change.actor,
          decidedOn,
        ],
      );
    } catch (error) {
      throw clashOf(error) ?? error;
    }
    // Thrown, so the caller's transaction rolls back any reservations taken in the same statement.
    if (saved.length === 0) throw new SessionChanged(session.id);
  }

  /** The session locked for a change, so two changes to one session run one after the other. */
  async lock(manager: EntityManager, id: string): Promise<SessionEntity | null> {
    const [session] = await selectEntities(manager, SessionEntity, 'SELECT * FROM scheduling.session WHERE id = $1 FOR UPDATE', [id]);
    return session ?? null;
  }

  async find(manager: EntityManager, id: string): Promise<SessionEntity | null> {
    const [session] = await selectEntities(manager, SessionEntity, 'SELECT * FROM scheduling.session WHERE id = $1', [id]);
    return session ?? null;
  }

  ofCase(manager: EntityManager, caseId: string): Promise<SessionEntity[]> {
    return this.ofCases(manager, [caseId]);
  }

  ofCases(manager: EntityManager, caseIds: readonly string[]): Promise<SessionEntity[]> {
    return selectEntities(manager, SessionEntity, 'SELECT * FROM scheduling.session WHERE case_id = ANY($1::uuid[]) ORDER BY requested_at, id', [caseIds]);
  }

  /** The organisation's pending sessions, oldest request first. */
  pendingOf(manager: EntityManager, organisationId: string): Promise<SessionEntity[]> {
    return manager.find(SessionEntity, { where: { organisationId, status: 'pending' }, order: { requestedAt: 'ASC', id: 'ASC' } });
  }

  /** The case's sessions still to come (pending, or held or booked ending after `now`), locked. */
  futureOfCase(manager: EntityManager, caseId: string, now: Date): Promise<SessionEntity[]> {
    return manager
      .createQueryBuilder(SessionEntity, 's')
      .where('s.case_id = :caseId', { caseId })
      .andWhere(new Brackets((q) => q.where(`s.status = 'pending'`).orWhere(`s.status IN ('held', 'booked') AND s.ends_at > :now`, { now })))
      .orderBy('s.requested_at', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Takes a participant who left the case out of the sessions still to be placed; booked ones keep their record. */
  async dropFromPending(manager: EntityManager, participantId: string): Promise<void> {
    await manager.query(
      `UPDATE scheduling.session SET participant_ids = array_remove(participant_ids, $1), updated_at = now()
       WHERE status = 'pending' AND $1 = ANY(participant_ids)`,
      [participantId],
    );
  }

  /** Held sessions whose hold has lapsed, locked; those another transaction holds are left for it. */
  lapsedHolds(manager: EntityManager, now: Date): Promise<SessionEntity[]> {
    return manager
      .createQueryBuilder(SessionEntity, 's')
      .where(`s.status = 'held' AND s.hold_expires_at <= :now`, { now })
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /**
   * The sessions in scope, optionally of one case or status, or with a reschedule request (or
   * none) at their current version; soonest first.
   */
  list(manager: EntityManager, scope: SessionScope, filter: SessionFilter): Promise<SessionEntity[]> {
    return selectEntities(
      manager,
      SessionEntity,
      `SELECT * FROM scheduling.session s
       WHERE (s.organisation_id = $1
           -- An array, not a subquery: either side can still use its index (a bitmap OR).
           OR s.case_id = ANY(ARRAY(SELECT c.id FROM scheduling."case" c WHERE c.partnership_id = $6)))
         AND ($2::uuid IS NULL OR s.case_id = $2) AND ($3::text IS NULL OR s.status = $3)
         AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM scheduling."case" c WHERE c.id = s.case_id AND $4 IN (c.lead_facilitator_id, c.co_facilitator_id)))
         AND ($5::boolean IS NULL OR $5 = EXISTS (SELECT 1 FROM scheduling.reschedule_request r WHERE r.session_id = s.id AND r.session_version = s.version))
       ORDER BY s.starts_at ASC NULLS LAST, s.requested_at ASC LIMIT 500`,
      [scope.organisationId, filter.caseId ?? null, filter.status ?? null, scope.facilitatorId ?? null, filter.rescheduleRequested ?? null, scope.partnershipId ?? null],
    );
  }

  async addHistory(manager: EntityManager, session: SessionEntity, action: string, actor: string): Promise<void> {
    await manager.insert(SessionChangeEntity, {
      sessionId: session.id,
      version: session.version,
      action,
      status: session.status,
      startsAt: session.startsAt,
      venueId: session.venueId,
      actor,
      at: new Date(),
    });
  }

  history(manager: EntityManager, sessionId: string): Promise<SessionChangeEntity[]> {
    return manager.find(SessionChangeEntity, { where: { sessionId }, order: { id: 'ASC' } });
  }
}
