import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { type DataSource, IsNull } from 'typeorm';
import type { Principal } from '#auth';
import { ConflictError, InvalidInputError, NotFoundError } from '#platform';
import { CaseAccess } from '../access/case-access';
import { CaseChanges } from '../access/case-changes';
import { requireOpen } from '../access/require-open';
import { PRACTITIONERS } from '../access/roles';
import { CASES_DB } from '../database';
import { ParticipantRepository } from '../participants/participant.repository';
import { CaseFactsReader } from '../stages/case-facts.reader';
import { ConsentEntity } from './consent.entity';
import type { ConsentView, JointMeetingReadinessView, RecordConsentDto, WithdrawConsentDto } from './dto/consent.dto';

/** Consent per participant and scope, given and withdrawn at any time: RJ is voluntary. */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource(CASES_DB) private readonly dataSource: DataSource,
    private readonly changes: CaseChanges,
    private readonly access: CaseAccess,
    private readonly participants: ParticipantRepository,
    private readonly facts: CaseFactsReader,
  ) {}

  record(principal: Principal, caseId: string, participantId: string, dto: RecordConsentDto): Promise<ConsentView> {
    const givenAt = new Date(dto.givenAt);
    if (givenAt.getTime() > Date.now() + 5 * 60_000) throw InvalidInputError.field('givenAt', 'notInFuture', 'givenAt is in the future');
    return this.changes.apply(principal, caseId, PRACTITIONERS, async (tx) => {
      requireOpen(tx.case, 'recording consent');
      const participant = await this.participants.find(tx.manager, caseId, participantId);
      if (!participant || participant.removedAt) throw new NotFoundError('participant', participantId);
      if (await tx.manager.existsBy(ConsentEntity, { participantId, scope: dto.scope, withdrawnAt: IsNull() })) {
        throw new ConflictError('consent-in-force', `participant ${participantId} already has ${dto.scope} consent in force`);
      }
      const consent: ConsentEntity = {
        id: randomUUID(),
        caseId,
        participantId,
        scope: dto.scope,
        method: dto.method,
        givenAt,
        recordedBy: principal.userId,
        withdrawnAt: null,
        withdrawalRecordedBy: null,
        createdAt: new Date(),
      };
      await tx.manager.insert(ConsentEntity, consent);
      await tx.emit('consent.recorded', {
        consentId: consent.id,
        participantId,
        participantRole: participant.role,
        scope: consent.scope,
        method: consent.method,
        givenAt: givenAt.toISOString(),
      });
      await tx.audit('create', 'consent', consent.id, { scope: consent.scope, method: consent.method });
      return toView(consent);
    });
  }

  withdraw(principal: Principal, caseId: string, consentId: string, dto: WithdrawConsentDto): Promise<ConsentView> {
    return this.changes.apply(principal, caseId, PRACTITIONERS, async (tx) => {
      const consent = await tx.manager.findOneBy(ConsentEntity, { id: consentId, caseId });
      if (!consent) throw new NotFoundError('consent', consentId);
      if (consent.withdrawnAt) throw new ConflictError('consent-withdrawn', `consent ${consentId} was already withdrawn`);
      const withdrawnAt = dto.withdrawnAt ? new Date(dto.withdrawnAt) : new Date();
      if (withdrawnAt < consent.givenAt) {
        throw InvalidInputError.field('withdrawnAt', 'afterGiven', 'withdrawnAt must not be before the consent was given');
      }
      const participant = await this.participants.find(tx.manager, caseId, consent.participantId);
      await tx.manager.update(ConsentEntity, { id: consentId }, { withdrawnAt, withdrawalRecordedBy: principal.userId });
      await tx.emit('consent.withdrawn', {
        consentId,
        participantId: consent.participantId,
        participantRole: participant!.role,
        scope: consent.scope,
        withdrawnAt: withdrawnAt.toISOString(),
      });
      await tx.audit('update', 'consent', consentId, { withdrawn: true });
      return toView({ ...consent, withdrawnAt });
    });
  }

  async list(principal: Principal, caseId: string): Promise<ConsentView[]> {
    const rows = await this.access.rowsOf(principal, caseId, 'consents', ConsentEntity, { givenAt: 'ASC', id: 'ASC' });
    return rows.map(toView);
  }

  /** Whether a joint meeting may be requested now, and if not, why. */
  async jointMeetingReadiness(principal: Principal, caseId: string): Promise<JointMeetingReadinessView> {
    const kase = await this.access.read(principal, caseId, 'joint-meeting-readiness');
    const { jointMeetingBlockers } = await this.facts.read(this.dataSource.manager, kase);
    return { ready: jointMeetingBlockers.length === 0, blockers: jointMeetingBlockers };
  }
}

function toView(c: ConsentEntity): ConsentView {
  return {
    id: c.id,
    participantId: c.participantId,
    scope: c.scope,
    method: c.method,
    givenAt: c.givenAt.toISOString(),
    recordedBy: c.recordedBy,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
  };
}
