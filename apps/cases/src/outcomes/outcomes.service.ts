import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from '#auth';
import { ConflictError, InvalidInputError, NotFoundError } from '#platform';
import { CaseAccess } from '../access/case-access';
import { CaseChanges } from '../access/case-changes';
import { CASE_WRITERS, PRACTITIONERS } from '../access/roles';
import { CasesConfig } from '../cases.config';
import { CASES_DB } from '../database';
import { ParticipantRepository } from '../participants/participant.repository';
import type {
  OutcomeActionView,
  OutcomeAgreementView,
  RecordOutcomeAgreementDto,
  TaskView,
  UpdateActionDto,
} from './dto/outcome.dto';
import { OutcomeActionEntity, OutcomeAgreementEntity } from './outcome-agreement.entity';
import { OutcomeRepository } from './outcome.repository';
import { TaskEntity } from './task.entity';

const AGREEMENT_STAGES = ['direct-meeting', 'indirect-communication', 'outcome-agreement'];

/**
 * The outcome agreement and its SMART actions. Completion is reported back to the person
 * harmed by their facilitator: Convene makes that a task, never an automated message.
 */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource(CASES_DB) private readonly dataSource: DataSource,
    @Inject(CasesConfig) private readonly config: CasesConfig,
    private readonly changes: CaseChanges,
    private readonly access: CaseAccess,
    private readonly outcomes: OutcomeRepository,
    private readonly participants: ParticipantRepository,
  ) {}

  record(principal: Principal, caseId: string, dto: RecordOutcomeAgreementDto): Promise<OutcomeAgreementView> {
    const madeAt = new Date(dto.madeAt);
    dto.actions.forEach((action, i) => {
      if (new Date(action.dueBy) <= madeAt) {
        throw InvalidInputError.field(`actions[${i}].dueBy`, 'afterMadeAt', `actions[${i}].dueBy must be after madeAt`);
      }
    });
    return this.changes.apply(principal, caseId, PRACTITIONERS, async (tx) => {
      if (!AGREEMENT_STAGES.includes(tx.case.stage)) {
        throw new ConflictError('agreement-not-now', `an outcome agreement is recorded after a meeting or indirect communication, not at ${tx.case.stage}`);
      }
      if (await tx.manager.existsBy(OutcomeAgreementEntity, { caseId })) {
        throw new ConflictError('agreement-exists', `case ${tx.case.reference} already has an outcome agreement`);
      }
      const onCase = new Set((await this.participants.forCase(tx.manager, caseId)).map((p) => p.id));
      dto.actions.forEach((action, i) => {
        if (action.ownerParticipantId && !onCase.has(action.ownerParticipantId)) {
          throw InvalidInputError.field(`actions[${i}].ownerParticipantId`, 'isParticipantOfCase', `actions[${i}].ownerParticipantId is not a participant of this case`);
        }
      });
      const agreement: OutcomeAgreementEntity = { id: randomUUID(), caseId, madeAt, recordedBy: principal.userId, createdAt: new Date() };
      await tx.manager.insert(OutcomeAgreementEntity, agreement);
      const actions = dto.actions.map((action, position): OutcomeActionEntity => {
        const id = randomUUID();
        return {
          id,
          agreementId: agreement.id,
          caseId,
          position,
          descriptionCiphertext: this.outcomes.encryptAction(id, 'description', action.description),
          ownerParticipantId: action.ownerParticipantId ?? null,
          dueBy: new Date(action.dueBy),
          checkMethodCiphertext: this.outcomes.encryptAction(id, 'checkMethod', action.checkMethod),
          status: 'open',
          completedAt: null,
          updatedBy: principal.userId,
          updatedAt: new Date(),
        };
      });
      await tx.manager.insert(OutcomeActionEntity, actions);
      await tx.emit('outcome-agreement.recorded', {
        agreementId: agreement.id,
        madeAt: madeAt.toISOString(),
        actions: actions.map((a) => ({ actionId: a.id, dueBy: a.dueBy.toISOString() })),
      });
      await tx.audit('create', 'outcome-agreement', agreement.id, { actions: actions.length });
      return (await this.outcomes.agreementView(tx.manager, caseId, new Date()))!;
    });
  }

  updateAction(principal: Principal, caseId: string, actionId: string, dto: UpdateActionDto): Promise<OutcomeActionView> {
    return this.changes.apply(principal, caseId, PRACTITIONERS, async (tx) => {
      const action = await tx.manager.findOneBy(OutcomeActionEntity, { id: actionId, caseId });
      if (!action) throw new NotFoundError('outcome action', actionId);
      if (action.status === dto.status) return this.outcomes.actionView(action, new Date());
      const completedAt = dto.status === 'completed' ? new Date(dto.completedAt ?? Date.now()) : null;
      const updated = { ...action, status: dto.status, completedAt, updatedBy: principal.userId, updatedAt: new Date() };
      await tx.manager.update(OutcomeActionEntity, { id: actionId }, { status: dto.status, completedAt, updatedBy: principal.userId, updatedAt: updated.updatedAt });
      if (dto.status === 'completed') {
        await tx.manager.insert(TaskEntity, {
          id: randomUUID(),
          caseId,
          kind: 'report-action-completion',
          assigneeFacilitatorId: tx.case.leadFacilitatorId,
          actionId,
          dueAt: new Date(Date.now() + this.config.REPORT_BACK_DAYS * 24 * 3600_000),
          doneAt: null,
          doneBy: null,
          createdAt: new Date(),
        });
      }
      await tx.emit('outcome-action.updated', {
        agreementId: action.agreementId,
        actionId,
        status: dto.status,
        dueBy: action.dueBy.toISOString(),
        completedAt: completedAt?.toISOString() ?? null,
      });
      await tx.audit('update', 'outcome-action', actionId, { status: dto.status });
      return this.outcomes.actionView(updated, new Date());
    });
  }

  async agreement(principal: Principal, caseId: string): Promise<OutcomeAgreementView> {
    await this.access.read(principal, caseId, 'outcome-agreement');
    const view = await this.outcomes.agreementView(this.dataSource.manager, caseId, new Date());
    if (!view) throw new NotFoundError('outcome agreement of case', caseId);
    return view;
  }

  async tasks(principal: Principal, caseId: string): Promise<TaskView[]> {
    const rows = await this.access.rowsOf(principal, caseId, 'tasks', TaskEntity, { createdAt: 'ASC' });
    return rows.map(toTaskView);
  }

  completeTask(principal: Principal, caseId: string, taskId: string, done: boolean): Promise<TaskView> {
    return this.changes.apply(principal, caseId, CASE_WRITERS, async (tx) => {
      const task = await tx.manager.findOneBy(TaskEntity, { id: taskId, caseId });
      if (!task) throw new NotFoundError('task', taskId);
      const changes = done ? { doneAt: task.doneAt ?? new Date(), doneBy: task.doneBy ?? principal.userId } : { doneAt: null, doneBy: null };
      await tx.manager.update(TaskEntity, { id: taskId }, changes);
      await tx.audit('update', 'task', taskId, { done });
      return toTaskView({ ...task, ...changes });
    });
  }
}

function toTaskView(t: TaskEntity): TaskView {
  return {
    id: t.id,
    kind: t.kind,
    assigneeFacilitatorId: t.assigneeFacilitatorId,
    actionId: t.actionId,
    dueAt: t.dueAt?.toISOString() ?? null,
    doneAt: t.doneAt?.toISOString() ?? null,
  };
}
