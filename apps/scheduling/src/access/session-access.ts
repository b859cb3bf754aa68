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
 * by their token subject, which the cases service's facilitator events carry. A partnership
 * lead also reads (and only reads: `readOnly` and `scope`) the sessions of the partnership's
 * cases in its other organisations, known by the partnership their referral named.
 */
@Injectable()
export class SessionAccess {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly people: PeopleRepository,
  ) {}

  /** The session within the caller's own organisation (a facilitator's: their cases'), for acting on it. */
  async read(manager: EntityManager, principal: Principal, sessionId: string): Promise<SessionEntity> {
    return this.visible(manager, principal, sessionId, await this.sessions.find(manager, sessionId));
  }

  /** The session for a read that changes nothing: a partnership lead reaches the partnership's cases. */
  async readOnly(manager: EntityManager, principal: Principal, sessionId: string): Promise<SessionEntity> {
    const session = await this.sessions.find(manager, sessionId);
    if (session && session.organisationId !== principal.organisationId && (await this.inLedPartnership(manager, principal, session))) return session;
    return this.visible(manager, principal, sessionId, session);
  }

  /** The session locked for a change, once the caller may see it. */
  async lock(manager: EntityManager, principal: Principal, sessionId: string): Promise<SessionEntity> {
    return this.visible(manager, principal, sessionId, await this.sessions.lock(manager, sessionId));
  }

  /** The sessions the principal may see, for a list (which only reads); null when they may see none. */
  async scope(manager: EntityManager, principal: Principal): Promise<SessionScope | null> {
    if (hasRole(principal, ...SCHEDULE_READERS)) {
      const partnershipId = ledPartnership(principal);
      return { organisationId: principal.organisationId, ...(partnershipId ? { partnershipId } : {}) };
    }
    if (!hasRole(principal, 'facilitator')) return null;
    const facilitator = await this.people.facilitatorOfUser(manager, principal.organisationId, principal.userId);
    return facilitator ? { organisationId: principal.organisationId, facilitatorId: facilitator.id } : null;
  }

  /**
   * The gate for acting on a session, for one read some other way (a booking reads it with its
   * locks): within the caller's organisation only, whatever partnership they lead.
   */
  async visible(manager: EntityManager, principal: Principal, sessionId: string, session: SessionEntity | null): Promise<SessionEntity> {
    if (!session || session.organisationId !== principal.organisationId) throw new NotFoundError('session', sessionId);
    // Readers of the whole organisation need no further read: the hot paths (suggestions, booking) stay one query.
    if (hasRole(principal, ...SCHEDULE_READERS)) return session;
    const facilitatorId = (await this.scope(manager, principal))?.facilitatorId;
    const kase = facilitatorId ? await this.people.findCase(manager, session.caseId) : null;
    if (!facilitatorId || !kase || ![kase.leadFacilitatorId, kase.coFacilitatorId].includes(facilitatorId)) throw new NotFoundError('session', sessionId);
    return session;
  }

  private async inLedPartnership(manager: EntityManager, principal: Principal, session: SessionEntity): Promise<boolean> {
    const partnershipId = ledPartnership(principal);
    if (!partnershipId) return false;
    return (await this.people.findCase(manager, session.caseId))?.partnershipId === partnershipId;
  }
}

/** The partnership whose cases the principal reads as its lead, if they lead one. */
function ledPartnership(principal: Principal): string | null {
  return hasRole(principal, 'partnership-lead') ? principal.partnershipId : null;
}
