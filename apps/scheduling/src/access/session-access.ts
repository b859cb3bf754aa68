import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasRole, type Principal } from '#auth';
import { NotFoundError } from '#platform';
import { PeopleRepository } from '../people/people.repository';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionRepository, type SessionScope } from '../sessions/session.repository';
import { SCHEDULE_READERS } from './roles';

/**
 * The one gate to a session: a session the caller may not see answers exactly as one that
 * does not exist (404), so probing reveals nothing. Schedule readers see their organisation's
 * sessions; a facilitator (in no other role) only those of the cases allocated to them, known
 * by their token subject, which the cases service's facilitator events carry.
 */
@Injectable()
export class SessionAccess {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly people: PeopleRepository,
  ) {}

  async read(manager: EntityManager, principal: Principal, sessionId: string): Promise<SessionEntity> {
    return this.visible(manager, principal, sessionId, await this.sessions.find(manager, sessionId));
  }

  /** The session locked for a change, once the caller may see it. */
  async lock(manager: EntityManager, principal: Principal, sessionId: string): Promise<SessionEntity> {
    return this.visible(manager, principal, sessionId, await this.sessions.lock(manager, sessionId));
  }

  /** The sessions the principal may see, for a list; null when they may see none. */
  async scope(manager: EntityManager, principal: Principal): Promise<SessionScope | null> {
    if (hasRole(principal, ...SCHEDULE_READERS)) return { organisationId: principal.organisationId };
    if (!hasRole(principal, 'facilitator')) return null;
    const facilitator = await this.people.facilitatorOfUser(manager, principal.organisationId, principal.userId);
    return facilitator ? { organisationId: principal.organisationId, facilitatorId: facilitator.id } : null;
  }

  /** The gate itself, for a session read some other way (a booking reads it with its locks). */
  async visible(manager: EntityManager, principal: Principal, sessionId: string, session: SessionEntity | null): Promise<SessionEntity> {
    if (!session || session.organisationId !== principal.organisationId) throw new NotFoundError('session', sessionId);
    // Readers of the whole organisation need no further read: the hot paths (suggestions, booking) stay one query.
    if (hasRole(principal, ...SCHEDULE_READERS)) return session;
    const facilitatorId = (await this.scope(manager, principal))?.facilitatorId;
    const kase = facilitatorId ? await this.people.findCase(manager, session.caseId) : null;
    if (!facilitatorId || !kase || ![kase.leadFacilitatorId, kase.coFacilitatorId].includes(facilitatorId)) throw new NotFoundError('session', sessionId);
    return session;
  }
}
