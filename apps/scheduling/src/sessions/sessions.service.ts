import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '#auth';
import { SessionAccess } from '../access/session-access';
import { SCHEDULING_DB } from '../database';
import type { ListSessionsQuery, SessionDetailView, SessionView } from './dto/session.dto';
import { SessionRepository } from './session.repository';
import { toChangeView, toSessionView } from './session.view';

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly access: SessionAccess,
  ) {}

  async list(principal: Principal, query: ListSessionsQuery): Promise<SessionView[]> {
    return (await this.sessions.list(this.dataSource.manager, principal.organisationId, query)).map(toSessionView);
  }

  async get(principal: Principal, sessionId: string): Promise<SessionDetailView> {
    const session = await this.access.read(this.dataSource.manager, principal, sessionId);
    const history = await this.sessions.history(this.dataSource.manager, sessionId);
    return { ...toSessionView(session), history: history.map(toChangeView) };
  }
}
