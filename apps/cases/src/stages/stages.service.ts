import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hasRole, type Principal } from '#auth';
import type { CaseStageChangedV1, ClosureReason } from '#contracts';
import { ConflictError, FieldCipher, ForbiddenError, InvalidInputError } from '#platform';
import { CaseAccess } from '../access/case-access';
import { CaseChange, CaseChanges } from '../access/case-changes';
import { CASE_WRITERS } from '../access/roles';
import { CaseViews } from '../case/case-views';
import { CaseRepository } from '../case/case.repository';
import type { CaseView } from '../case/case.view';
import { CaseFactsReader } from './case-facts.reader';
import type { MoveStageDto, StageChangeView } from './dto/move-stage.dto';
import { judgeMove, MoveRequest } from './move-rules';
import { StageChangeEntity } from './stage-change.entity';

@Injectable()
export class StagesService {
  constructor(
    private readonly changes: CaseChanges,
    private readonly access: CaseAccess,
    private readonly facts: CaseFactsReader,
    private readonly cases: CaseRepository,
    private readonly views: CaseViews,
    private readonly cipher: FieldCipher,
  ) {}

  move(principal: Principal, caseId: string, dto: MoveStageDto): Promise<CaseView> {
    if (dto.to === 'unsuitable' && !hasRole(principal, 'facilitator', 'manager')) {
      throw new ForbiddenError('judging a case unsuitable is a facilitator\'s safety judgement');
    }
    return this.changes.apply(principal, caseId, CASE_WRITERS, async (tx) => {
      await this.applyMove(tx, dto);
      return this.views.one(tx.manager, await this.cases.get(tx.manager, caseId));
    });
  }

  /** Judges and applies one move inside a case change: history, case row, event, audit. */
  async applyMove(tx: CaseChange, move: MoveRequest & { note?: string }): Promise<void> {
    const from = tx.case.stage;
    const verdict = judgeMove(await this.facts.read(tx.manager, tx.case), move);
    if (!verdict.ok && verdict.kind === 'invalid') throw InvalidInputError.field(verdict.field, verdict.rule, verdict.message);
    if (!verdict.ok) throw new ConflictError(verdict.code, verdict.message, { allowed: verdict.allowed });

    const id = randomUUID();
    const changedAt = new Date();
    await tx.manager.insert(StageChangeEntity, {
      id,
      caseId: tx.case.id,
      fromStage: from,
      toStage: move.to,
      reason: move.reason ?? null,
      withdrawnBy: move.withdrawnBy ?? null,
      delivery: move.delivery ?? null,
      noteCiphertext: this.cipher.encryptOptional(move.note, `stage-change:${id}:note`),
      changedBy: tx.principal.userId,
      changedAt,
    });
    await this.cases.update(tx.manager, tx.case.id, {
      stage: move.to,
      heldFromStage: move.to === 'on-hold' ? from : null,
      ...(move.delivery ? { delivery: move.delivery } : {}),
      ...(move.to === 'closed' ? { closureReason: move.reason as ClosureReason } : {}),
    });
    tx.case.stage = move.to;
    await tx.emit('case.stage-changed', {
      from,
      to: move.to,
      changedAt: changedAt.toISOString(),
      // judgeMove checked it against the list for this target.
      reason: (move.reason ?? null) as CaseStageChangedV1['reason'],
      withdrawnBy: move.withdrawnBy ?? null,
      delivery: move.delivery ?? null,
    });
    await tx.audit('update', 'case-stage', id, { from, to: move.to });
  }

  async history(principal: Principal, caseId: string): Promise<StageChangeView[]> {
    const rows = await this.access.rowsOf(principal, caseId, 'stage-history', StageChangeEntity, { changedAt: 'ASC', id: 'ASC' });
    return rows.map((row) => ({
      id: row.id,
      from: row.fromStage,
      to: row.toStage,
      reason: row.reason,
      withdrawnBy: row.withdrawnBy,
      delivery: row.delivery,
      note: this.cipher.decryptOptional(row.noteCiphertext, `stage-change:${row.id}:note`),
      changedBy: row.changedBy,
      changedAt: row.changedAt.toISOString(),
    }));
  }
}
