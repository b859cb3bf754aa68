import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Principal } from '#auth';
import { FieldCipher, NotFoundError } from '#platform';
import { CaseAccess } from '../access/case-access';
import { CaseChanges } from '../access/case-changes';
import { requireOpen } from '../access/require-open';
import { PRACTITIONERS } from '../access/roles';
import { ParticipantRepository } from '../participants/participant.repository';
import { AssessmentEntity } from './assessment.entity';
import type { AssessmentView, RecordAssessmentDto } from './dto/assessment.dto';

/** Suitability and risk, judged by the facilitators and repeated at each stage. */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly changes: CaseChanges,
    private readonly access: CaseAccess,
    private readonly participants: ParticipantRepository,
    private readonly cipher: FieldCipher,
  ) {}

  record(principal: Principal, caseId: string, dto: RecordAssessmentDto): Promise<AssessmentView> {
    return this.changes.apply(principal, caseId, PRACTITIONERS, async (tx) => {
      requireOpen(tx.case, 'recording an assessment');
      if (dto.participantId) {
        const participant = await this.participants.find(tx.manager, caseId, dto.participantId);
        if (!participant || participant.removedAt) throw new NotFoundError('participant', dto.participantId);
      }
      const id = randomUUID();
      const assessment: AssessmentEntity = {
        id,
        caseId,
        participantId: dto.participantId ?? null,
        suitable: dto.suitable,
        riskLevel: dto.riskLevel,
        reason: dto.suitable ? null : dto.reason!,
        noteCiphertext: this.cipher.encryptOptional(dto.note, `assessment:${id}:note`),
        stage: tx.case.stage,
        assessedBy: principal.userId,
        assessedAt: new Date(),
      };
      await tx.manager.insert(AssessmentEntity, assessment);
      await tx.emit('assessment.recorded', {
        assessmentId: id,
        participantId: assessment.participantId,
        suitable: assessment.suitable,
        riskLevel: assessment.riskLevel,
        stage: assessment.stage,
        assessedAt: assessment.assessedAt.toISOString(),
      });
      await tx.audit('create', 'assessment', id, { suitable: assessment.suitable, riskLevel: assessment.riskLevel });
      return this.toView(assessment);
    });
  }

  async list(principal: Principal, caseId: string): Promise<AssessmentView[]> {
    const rows = await this.access.rowsOf(principal, caseId, 'assessments', AssessmentEntity, { assessedAt: 'ASC', id: 'ASC' });
    return rows.map((row) => this.toView(row));
  }

  private toView(a: AssessmentEntity): AssessmentView {
    return {
      id: a.id,
      participantId: a.participantId,
      suitable: a.suitable,
      riskLevel: a.riskLevel,
      reason: a.reason,
      note: this.cipher.decryptOptional(a.noteCiphertext, `assessment:${a.id}:note`),
      stage: a.stage,
      assessedBy: a.assessedBy,
      assessedAt: a.assessedAt.toISOString(),
    };
  }
}
