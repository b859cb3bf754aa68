import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, In } from 'typeorm';
import { selectEntities } from '../entity-rows';
import { SessionChangeEntity, SessionEntity, type SessionStatus } from './session.entity';

/** An organisation's sessions, or only those of the cases one facilitator is allocated. */
export interface SessionScope {
  organisationId: string;
  facilitatorId?: string;
}

export interface SessionFilter {
  caseId?: string;
  status?: SessionStatus;
  rescheduleRequested?: boolean;
}

/** Sessions and their history. */
@Injectable()
export class SessionRepository {
  async insert(manager: EntityManager, session: SessionEntity): Promise<void> {
    await manager.insert(SessionEntity, session);
  }

  async save(manager: EntityManager, session: SessionEntity): Promise<void> {
    const { id, ...changes } = session;
    await manager.update(SessionEntity, { id }, { ...changes, updatedAt: new Date() });
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

  findMany(manager: EntityManager, ids: readonly string[]): Promise<SessionEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : manager.findBy(SessionEntity, { id: In([...ids]) });
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

  /** Whether any hold has lapsed: one cheap read, so a booking opens no transaction to release none. */
  async anyLapsedHold(manager: EntityManager, now: Date): Promise<boolean> {
    const [row] = await manager.query(`SELECT EXISTS (SELECT 1 FROM scheduling.session WHERE status = 'held' AND hold_expires_at <= $1) AS lapsed`, [now]);
    return row.lapsed === true;
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

  /** Held and booked sessions within [from, to) that involve any of these people or venues. */
  reservedAround(manager: EntityManager, from: Date, to: Date, personIds: string[], venueIds: string[]): Promise<SessionEntity[]> {
    return selectEntities(
      manager,
      SessionEntity,
      `SELECT * FROM scheduling.session WHERE status IN ('held', 'booked') AND starts_at < $2 AND ends_at > $1
         AND (participant_ids && $3::uuid[] OR facilitator_ids && $3::uuid[] OR venue_id = ANY($4::uuid[]))`,
      [from, to, personIds, venueIds],
    );
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
       WHERE s.organisation_id = $1 AND ($2::uuid IS NULL OR s.case_id = $2) AND ($3::text IS NULL OR s.status = $3)
         AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM scheduling."case" c WHERE c.id = s.case_id AND $4 IN (c.lead_facilitator_id, c.co_facilitator_id)))
         AND ($5::boolean IS NULL OR $5 = EXISTS (SELECT 1 FROM scheduling.reschedule_request r WHERE r.session_id = s.id AND r.session_version = s.version))
       ORDER BY s.starts_at ASC NULLS LAST, s.requested_at ASC LIMIT 500`,
      [scope.organisationId, filter.caseId ?? null, filter.status ?? null, scope.facilitatorId ?? null, filter.rescheduleRequested ?? null],
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
