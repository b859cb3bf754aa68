import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hasRole, type Principal } from '#auth';
import { Outbox } from '#messaging';
import { ConflictError, InvalidInputError, NotFoundError } from '#platform';
import { CaseAccess } from '../access/case-access';
import { CaseChanges } from '../access/case-changes';
import { requireOpen } from '../access/require-open';
import { CASE_WRITERS, COORDINATION } from '../access/roles';
import { AuditLog } from '../audit/audit-log';
import { CaseViews } from '../case/case-views';
import type { CaseEntity } from '../case/case.entity';
import { CaseRepository } from '../case/case.repository';
import type { CaseView } from '../case/case.view';
import { referralFacts } from '../case/referral-facts';
import { CasesConfig } from '../cases.config';
import { CASES_DB } from '../database';
import { ParticipantRepository } from '../participants/participant.repository';
import { StagesService } from '../stages/stages.service';
import { ContactAttemptEntity } from './contact-attempt.entity';
import type { ContactAttemptDto, ContactAttemptView } from './dto/contact-attempt.dto';
import type { CreateReferralDto } from './dto/create-referral.dto';
import type { TriageDto } from './dto/triage.dto';
import { unsafeChannel } from './safe-channels';

/** Clock skew tolerated before a time "in the future" is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource(CASES_DB) private readonly dataSource: DataSource,
    @Inject(CasesConfig) private readonly config: CasesConfig,
    private readonly cases: CaseRepository,
    private readonly views: CaseViews,
    private readonly changes: CaseChanges,
    private readonly access: CaseAccess,
    private readonly stages: StagesService,
    private readonly participants: ParticipantRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  /** Referral intake: the case opens at `referred`, with its first-contact deadline set. */
  create(principal: Principal, dto: CreateReferralDto): Promise<CaseView> {
    const receivedAt = notInFuture(dto.receivedAt, 'receivedAt');
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const kase: CaseEntity = {
        id: randomUUID(),
        reference: await this.cases.nextReference(manager, receivedAt.getUTCFullYear()),
        organisationId: principal.organisationId,
        partnershipId: principal.partnershipId,
        stage: 'referred',
        heldFromStage: null,
        source: dto.source,
        initiatedBy: dto.initiatedBy,
        offenceCategory: dto.offenceCategory,
        domesticAbuse: dto.domesticAbuse,
        sexualOffence: dto.sexualOffence,
        hateCrime: dto.hateCrime,
        justiceStage: dto.justiceStage,
        ageGroup: dto.ageGroup,
        receivedAt,
        firstContactDueAt: new Date(receivedAt.getTime() + this.config.FIRST_CONTACT_TARGET_HOURS * 3600_000),
        firstContactAt: null,
        triageDecision: null,
        triageRejectionReason: null,
        triagedAt: null,
        triagedBy: null,
        delivery: null,
        closureReason: null,
        leadFacilitatorId: null,
        coFacilitatorId: null,
        createdBy: principal.userId,
        createdAt: now,
        updatedAt: now,
      };
      await this.cases.insert(manager, kase);
      await this.outbox.record(manager, {
        type: 'case.referred',
        caseId: kase.id,
        organisationId: kase.organisationId,
        payload: {
          reference: kase.reference,
          partnershipId: kase.partnershipId,
          ...referralFacts(kase),
          firstContactDueAt: kase.firstContactDueAt.toISOString(),
        },
      });
      await this.audit.record(manager, principal, { caseId: kase.id, action: 'create', subject: 'case', subjectId: kase.id });
      return this.views.one(manager, kase);
    });
  }

  /** Accepting opens first contact; rejecting ends the case with its reason. */
  triage(principal: Principal, caseId: string, dto: TriageDto): Promise<CaseView> {
    return this.changes.apply(principal, caseId, COORDINATION, async (tx) => {
      if (tx.case.triageDecision) {
        throw new ConflictError('already-triaged', `case ${tx.case.reference} was already ${tx.case.triageDecision} at triage`);
      }
      const decidedAt = new Date();
      const rejectionReason = dto.decision === 'rejected' ? dto.rejectionReason! : null;
      await this.cases.update(tx.manager, caseId, {
        triageDecision: dto.decision,
        triageRejectionReason: rejectionReason,
        triagedAt: decidedAt,
        triagedBy: principal.userId,
      });
      tx.case.triageDecision = dto.decision;
      await tx.emit('case.triaged', {
        decision: dto.decision,
        rejectionReason,
        decidedAt: decidedAt.toISOString(),
        decidedByRole: hasRole(principal, 'manager') ? 'manager' : 'coordinator',
      });
      await this.stages.applyMove(
        tx,
        dto.decision === 'accepted' ? { to: 'first-contact' } : { to: 'rejected', reason: rejectionReason, viaTriage: true },
      );
      return this.views.one(tx.manager, await this.cases.get(tx.manager, caseId));
    });
  }

  /** Logs a contact attempt; the first that reaches someone stops the 48-hour clock. */
  recordContactAttempt(principal: Principal, caseId: string, dto: ContactAttemptDto): Promise<ContactAttemptView> {
    const attemptedAt = notInFuture(dto.attemptedAt, 'attemptedAt');
    return this.changes.apply(principal, caseId, CASE_WRITERS, async (tx) => {
      requireOpen(tx.case, 'logging contact');
      const participant = dto.participantId ? await this.participants.find(tx.manager, caseId, dto.participantId) : null;
      if (dto.participantId && (!participant || participant.removedAt)) throw new NotFoundError('participant', dto.participantId);
      const unsafe = participant ? unsafeChannel(participant, dto.channel, dto.outcome) : null;
      if (unsafe) throw new ConflictError('unsafe-channel', `${dto.channel}: ${unsafe}`);

      const firstContact = dto.outcome === 'reached' && tx.case.firstContactAt === null;
      const attempt: ContactAttemptEntity = {
        id: randomUUID(),
        caseId,
        participantId: dto.participantId ?? null,
        channel: dto.channel,
        outcome: dto.outcome,
        attemptedAt,
        recordedBy: principal.userId,
        createdAt: new Date(),
      };
      await tx.manager.insert(ContactAttemptEntity, attempt);
      if (firstContact) await this.cases.update(tx.manager, caseId, { firstContactAt: attemptedAt });
      await tx.emit('case.contact-attempted', {
        attemptId: attempt.id,
        participantId: attempt.participantId,
        participantRole: participant?.role ?? null,
        channel: attempt.channel,
        outcome: attempt.outcome,
        attemptedAt: attemptedAt.toISOString(),
        firstContact,
      });
      await tx.audit('create', 'contact-attempt', attempt.id, { channel: attempt.channel, outcome: attempt.outcome });
      return toAttemptView(attempt);
    });
  }

  async contactAttempts(principal: Principal, caseId: string): Promise<ContactAttemptView[]> {
    const rows = await this.access.rowsOf(principal, caseId, 'contact-attempts', ContactAttemptEntity, { attemptedAt: 'ASC' });
    return rows.map(toAttemptView);
  }
}

function toAttemptView(a: ContactAttemptEntity): ContactAttemptView {
  return {
    id: a.id,
    participantId: a.participantId,
    channel: a.channel,
    outcome: a.outcome,
    attemptedAt: a.attemptedAt.toISOString(),
    recordedBy: a.recordedBy,
  };
}

function notInFuture(iso: string, field: string): Date {
  const at = new Date(iso);
  if (at.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    throw InvalidInputError.field(field, 'notInFuture', `${field} ${iso} is in the future`);
  }
  return at;
}
