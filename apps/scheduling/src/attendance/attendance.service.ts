import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '#auth';
import type { AttendanceConfirmedVia, DomainEvent, EventPayloads, NewEvent } from '#contracts';
import { Outbox } from '#messaging';
import { ConflictError, InvalidInputError } from '#platform';
import { SessionAccess } from '../access/session-access';
import { SCHEDULING_DB } from '../database';
import type { SessionRecordView } from '../sessions/dto/session.dto';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionRepository } from '../sessions/session.repository';
import { toSessionRecordView } from '../sessions/session.view';
import { AttendanceRepository } from './attendance.repository';
import type { ConfirmAttendanceDto, RecordOutcomeDto } from './dto/attendance.dto';
import { replyRefusal } from './reply-rules';

type Reply = DomainEvent<'reply.attendance-confirmed' | 'reply.reschedule-requested'>;

/**
 * What participants and coordinators say of a booked session: attendance confirmed (by a reply
 * to a reminder or by a coordinator), a request to move it, and whether it took place.
 */
@Injectable()
export class AttendanceService {
  private readonly logger = new Logger(AttendanceService.name);

  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly access: SessionAccess,
    private readonly attendance: AttendanceRepository,
    private readonly outbox: Outbox,
  ) {}

  /** "C" or "YES" to a reminder: recorded for the version it was about, announced once. */
  async confirmedByReply(manager: EntityManager, reply: DomainEvent<'reply.attendance-confirmed'>): Promise<void> {
    const session = await this.applicable(manager, reply);
    if (!session) return;
    await this.confirm(manager, session, reply.payload.participantId, 'reply', new Date(reply.payload.receivedAt));
  }

  /** "R" to a reminder: the session shows the request until it is moved (notifications alerts the coordinator). */
  async rescheduleRequested(manager: EntityManager, reply: DomainEvent<'reply.reschedule-requested'>): Promise<void> {
    const session = await this.applicable(manager, reply);
    if (!session) return;
    const { participantId, receivedAt } = reply.payload;
    await this.attendance.requestReschedule(manager, { sessionId: session.id, sessionVersion: session.version, participantId, requestedAt: new Date(receivedAt) });
  }

  confirmByCoordinator(principal: Principal, sessionId: string, dto: ConfirmAttendanceDto): Promise<SessionRecordView> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.access.lock(manager, principal, sessionId);
      if (session.status !== 'booked') throw new ConflictError('session-status', `session ${sessionId} is ${session.status}; attendance is confirmed for a booked session`);
      if (!session.participantIds.includes(dto.participantId)) {
        throw InvalidInputError.field('participantId', 'isAttendee', `participantId ${dto.participantId} is not a participant of session ${sessionId}`);
      }
      await this.confirm(manager, session, dto.participantId, 'coordinator', new Date());
      return this.view(manager, session);
    });
  }

  /** Once a booked session has started, whether it took place; a correction is announced again. */
  recordOutcome(principal: Principal, sessionId: string, dto: RecordOutcomeDto): Promise<SessionRecordView> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.access.lock(manager, principal, sessionId);
      if (session.status !== 'booked') throw new ConflictError('session-status', `session ${sessionId} is ${session.status}; an outcome is recorded for a booked session`);
      const now = new Date();
      if (session.startsAt!.getTime() > now.getTime()) {
        throw new ConflictError('session-not-started', `session ${sessionId} starts at ${session.startsAt!.toISOString()}; its outcome is recorded once it has started`);
      }
      const row = { sessionId, sessionVersion: session.version, outcome: dto.outcome, recordedBy: principal.userId, recordedAt: now };
      if (await this.attendance.recordOutcome(manager, row)) {
        await this.emit(manager, session, 'session.outcome-recorded', {
          sessionId,
          kind: session.kind,
          version: session.version,
          outcome: dto.outcome,
          recordedAt: now.toISOString(),
        });
      }
      return this.view(manager, session);
    });
  }

  /** The session, locked, when the reply still applies to it; otherwise null and a log line naming no one. */
  private async applicable(manager: EntityManager, reply: Reply): Promise<SessionEntity | null> {
    const { sessionId } = reply.payload;
    const session = await this.sessions.lock(manager, sessionId);
    const refusal = session ? replyRefusal(session, reply.payload) : 'no such session';
    if (refusal === null) return session;
    this.logger.log(`${reply.type} ${reply.id} for session ${sessionId} ignored: ${refusal}`);
    return null;
  }

  private async confirm(manager: EntityManager, session: SessionEntity, participantId: string, via: AttendanceConfirmedVia, confirmedAt: Date): Promise<void> {
    const first = await this.attendance.confirm(manager, { sessionId: session.id, sessionVersion: session.version, participantId, via, confirmedAt });
    if (!first) return;
    await this.emit(manager, session, 'session.attendance-confirmed', {
      sessionId: session.id,
      kind: session.kind,
      version: session.version,
      participantId,
      via,
      confirmedAt: confirmedAt.toISOString(),
    });
  }

  private emit<T extends 'session.attendance-confirmed' | 'session.outcome-recorded'>(manager: EntityManager, session: SessionEntity, type: T, payload: EventPayloads[T]) {
    const event: NewEvent<T> = { type, caseId: session.caseId, organisationId: session.organisationId, payload };
    return this.outbox.record(manager, event);
  }

  private async view(manager: EntityManager, session: SessionEntity): Promise<SessionRecordView> {
    const records = await this.attendance.ofSessions(manager, [session]);
    return toSessionRecordView(session, records.get(session.id)!);
  }
}
