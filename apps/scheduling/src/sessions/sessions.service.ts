import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '#auth';
import { SessionAccess } from '../access/session-access';
import { AttendanceRepository } from '../attendance/attendance.repository';
import { SCHEDULING_DB } from '../database';
import type { ListSessionsQuery, SessionDetailView, SessionRecordView } from './dto/session.dto';
import { SessionRepository } from './session.repository';
import { toChangeView, toSessionRecordView } from './session.view';

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly access: SessionAccess,
    private readonly attendance: AttendanceRepository,
  ) {}

  async list(principal: Principal, query: ListSessionsQuery): Promise<SessionRecordView[]> {
    const manager = this.dataSource.manager;
    const scope = await this.access.scope(manager, principal);
    if (!scope) return [];
    const sessions = await this.sessions.list(manager, scope, query);
    const records = await this.attendance.ofSessions(manager, sessions);
    return sessions.map((s) => toSessionRecordView(s, records.get(s.id)!));
  }

  async get(principal: Principal, sessionId: string): Promise<SessionDetailView> {
    const manager = this.dataSource.manager;
    const session = await this.access.readOnly(manager, principal, sessionId);
    const [history, records] = await Promise.all([this.sessions.history(manager, sessionId), this.attendance.ofSessions(manager, [session])]);
    return { ...toSessionRecordView(session, records.get(session.id)!), history: history.map(toChangeView) };
  }
}
