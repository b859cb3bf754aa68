import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '#auth';
import { NotFoundError } from '#platform';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionRepository } from '../sessions/session.repository';

/**
 * The one gate to a session: a session of another organisation answers exactly as one that
 * does not exist (404), so probing reveals nothing.
 */
@Injectable()
export class SessionAccess {
  constructor(private readonly sessions: SessionRepository) {}

  async read(manager: EntityManager, principal: Principal, sessionId: string): Promise<SessionEntity> {
    return visible(principal, sessionId, await this.sessions.find(manager, sessionId));
  }

  /** The session locked for a change, once the caller may see it. */
  async lock(manager: EntityManager, principal: Principal, sessionId: string): Promise<SessionEntity> {
    return visible(principal, sessionId, await this.sessions.lock(manager, sessionId));
  }
}

function visible(principal: Principal, sessionId: string, session: SessionEntity | null): SessionEntity {
  if (!session || session.organisationId !== principal.organisationId) throw new NotFoundError('session', sessionId);
  return session;
}
