import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FieldCipher } from '#platform';
import type { OutcomeActionView, OutcomeAgreementView } from './dto/outcome.dto';
import { OutcomeActionEntity, OutcomeAgreementEntity } from './outcome-agreement.entity';

/** Outcome agreements with their actions; what was agreed is stored encrypted. */
@Injectable()
export class OutcomeRepository {
  constructor(private readonly cipher: FieldCipher) {}

  encryptAction(id: string, field: 'description' | 'checkMethod', value: string): string {
    return this.cipher.encrypt(value, `outcome-action:${id}:${field}`);
  }

  async agreementView(manager: EntityManager, caseId: string, now: Date): Promise<OutcomeAgreementView | null> {
    const agreement = await manager.findOneBy(OutcomeAgreementEntity, { caseId });
    if (!agreement) return null;
    const actions = await manager.find(OutcomeActionEntity, { where: { agreementId: agreement.id }, order: { position: 'ASC' } });
    return {
      id: agreement.id,
      madeAt: agreement.madeAt.toISOString(),
      recordedBy: agreement.recordedBy,
      actions: actions.map((action) => this.actionView(action, now)),
    };
  }

  actionView(a: OutcomeActionEntity, now: Date): OutcomeActionView {
    return {
      id: a.id,
      description: this.cipher.decrypt(a.descriptionCiphertext, `outcome-action:${a.id}:description`),
      ownerParticipantId: a.ownerParticipantId,
      dueBy: a.dueBy.toISOString(),
      checkMethod: this.cipher.decrypt(a.checkMethodCiphertext, `outcome-action:${a.id}:checkMethod`),
      status: a.status,
      completedAt: a.completedAt?.toISOString() ?? null,
      overdue: a.status === 'open' && a.dueBy < now,
    };
  }
}
