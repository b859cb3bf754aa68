import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Principal } from '#auth';
import type { SessionKind } from '#contracts';
import { ConflictError, InvalidInputError } from '#platform';
import { CaseAccess } from '../access/case-access';
import { CaseChanges } from '../access/case-changes';
import { CASE_WRITERS } from '../access/roles';
import { CasesConfig } from '../cases.config';
import { CaseFactsReader } from '../stages/case-facts.reader';
import type { RequestSessionDto, SessionRequestView } from './dto/session-request.dto';
import { sessionRequestProblems } from './session-request-rules';
import { SessionRequestEntity } from './session-request.entity';

/** Asks the scheduling service for a session, by event; cases never books by itself. */
@Injectable()
export class SessionRequestsService {
  constructor(
    @Inject(CasesConfig) private readonly config: CasesConfig,
    private readonly changes: CaseChanges,
    private readonly access: CaseAccess,
    private readonly facts: CaseFactsReader,
  ) {}

  request(principal: Principal, caseId: string, dto: RequestSessionDto): Promise<SessionRequestView> {
    const durationMinutes = dto.durationMinutes ?? this.defaultDuration(dto.kind);
    if (durationMinutes % 15 !== 0) {
      throw InvalidInputError.field('durationMinutes', 'multipleOf15', 'durationMinutes must be a multiple of 15');
    }
    return this.changes.apply(principal, caseId, CASE_WRITERS, async (tx) => {
      const snapshot = await this.facts.read(tx.manager, tx.case);
      const problems = sessionRequestProblems(dto.kind, dto.participantIds, snapshot);
      if (problems.length > 0) {
        throw new ConflictError('session-request-refused', `cannot request a ${dto.kind} session: ${problems.join('; ')}`, { problems });
      }
      const request: SessionRequestEntity = {
        id: randomUUID(),
        caseId,
        kind: dto.kind,
        participantIds: dto.participantIds,
        facilitatorIds: [tx.case.leadFacilitatorId!, tx.case.coFacilitatorId!],
        durationMinutes,
        delivery: dto.delivery ?? null,
        notBefore: dto.notBefore ? new Date(dto.notBefore) : null,
        requestedBy: principal.userId,
        requestedAt: new Date(),
      };
      await tx.manager.insert(SessionRequestEntity, request);
      await tx.emit('session.requested', {
        requestId: request.id,
        kind: request.kind,
        participantIds: request.participantIds,
        facilitatorIds: request.facilitatorIds,
        durationMinutes,
        delivery: request.delivery,
        notBefore: request.notBefore?.toISOString() ?? null,
        requestedAt: request.requestedAt.toISOString(),
      });
      await tx.audit('create', 'session-request', request.id, { kind: request.kind });
      return toView(request);
    });
  }

  async list(principal: Principal, caseId: string): Promise<SessionRequestView[]> {
    const rows = await this.access.rowsOf(principal, caseId, 'session-requests', SessionRequestEntity, { requestedAt: 'ASC' });
    return rows.map(toView);
  }

  private defaultDuration(kind: SessionKind): number {
    const minutes: Record<SessionKind, number> = {
      preparation: this.config.PREPARATION_MINUTES,
      conference: this.config.CONFERENCE_MINUTES,
      'follow-up': this.config.FOLLOW_UP_MINUTES,
      'indirect-step': this.config.INDIRECT_STEP_MINUTES,
    };
    return minutes[kind];
  }
}

function toView(r: SessionRequestEntity): SessionRequestView {
  return {
    id: r.id,
    kind: r.kind,
    participantIds: r.participantIds,
    facilitatorIds: r.facilitatorIds,
    durationMinutes: r.durationMinutes,
    delivery: r.delivery,
    notBefore: r.notBefore?.toISOString() ?? null,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
  };
}
