import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Principal } from '#auth';
import { ConflictError, FieldCipher, NotFoundError } from '#platform';
import { CaseAccess } from '../access/case-access';
import { CaseChanges } from '../access/case-changes';
import { PRACTITIONERS } from '../access/roles';
import { ParticipantRepository } from '../participants/participant.repository';
import type { FeedbackView, RecordFeedbackDto } from './dto/feedback.dto';
import { FeedbackEntity } from './feedback.entity';

/** Satisfaction recorded at follow-up, for the service's own learning and its funders. */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly changes: CaseChanges,
    private readonly access: CaseAccess,
    private readonly participants: ParticipantRepository,
    private readonly cipher: FieldCipher,
  ) {}

  record(principal: Principal, caseId: string, dto: RecordFeedbackDto): Promise<FeedbackView> {
    return this.changes.apply(principal, caseId, PRACTITIONERS, async (tx) => {
      if (tx.case.stage !== 'follow-up') {
        throw new ConflictError('feedback-not-now', `feedback is recorded at follow-up; the case is at ${tx.case.stage}`);
      }
      const participant = await this.participants.find(tx.manager, caseId, dto.participantId);
      if (!participant) throw new NotFoundError('participant', dto.participantId);
      const id = randomUUID();
      const feedback: FeedbackEntity = {
        id,
        caseId,
        participantId: dto.participantId,
        satisfaction: dto.satisfaction,
        commentCiphertext: this.cipher.encryptOptional(dto.comment, `feedback:${id}:comment`),
        recordedBy: principal.userId,
        recordedAt: new Date(),
      };
      await tx.manager.insert(FeedbackEntity, feedback);
      await tx.emit('feedback.recorded', {
        feedbackId: id,
        participantId: dto.participantId,
        participantRole: participant.role,
        satisfaction: dto.satisfaction,
        recordedAt: feedback.recordedAt.toISOString(),
      });
      await tx.audit('create', 'feedback', id, { satisfaction: dto.satisfaction });
      return this.toView(feedback);
    });
  }

  async list(principal: Principal, caseId: string): Promise<FeedbackView[]> {
    const rows = await this.access.rowsOf(principal, caseId, 'feedback', FeedbackEntity, { recordedAt: 'ASC' });
    return rows.map((row) => this.toView(row));
  }

  private toView(f: FeedbackEntity): FeedbackView {
    return {
      id: f.id,
      participantId: f.participantId,
      satisfaction: f.satisfaction,
      comment: this.cipher.decryptOptional(f.commentCiphertext, `feedback:${f.id}:comment`),
      recordedAt: f.recordedAt.toISOString(),
    };
  }
}
