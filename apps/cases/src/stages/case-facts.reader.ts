import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { AssessmentEntity } from '../assessments/assessment.entity';
import type { CaseEntity } from '../case/case.entity';
import { ConsentEntity } from '../consent/consent.entity';
import { jointMeetingBlockers } from '../consent/joint-meeting-rule';
import { OutcomeAgreementEntity } from '../outcomes/outcome-agreement.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import type { CaseFacts } from './move-rules';

/** The facts of a case with the participants and consents they were drawn from. */
export interface CaseSnapshot extends CaseFacts {
  participants: Pick<ParticipantEntity, 'id' | 'role' | 'supportsParticipantId'>[];
  consentedToParticipate: ReadonlySet<string>;
}

/** Gathers what the process rules need to know about one case, in the caller's transaction. */
@Injectable()
export class CaseFactsReader {
  async read(manager: EntityManager, kase: CaseEntity): Promise<CaseSnapshot> {
    // One after another: a transaction is one connection, which runs one query at a time.
    const participants = await manager.find(ParticipantEntity, {
      select: { id: true, role: true, supportsParticipantId: true },
      where: { caseId: kase.id, removedAt: IsNull() },
    });
    const consents = await manager.find(ConsentEntity, {
      select: { participantId: true },
      where: { caseId: kase.id, scope: 'participation', withdrawnAt: IsNull() },
    });
    const latestJoint = await manager.findOne(AssessmentEntity, {
      where: { caseId: kase.id, participantId: IsNull() },
      order: { assessedAt: 'DESC', id: 'DESC' },
    });
    const agreements = await manager.count(OutcomeAgreementEntity, { where: { caseId: kase.id } });
    const consented = new Set(consents.map((c) => c.participantId));
    const partyIds = participants.filter((p) => p.role === 'person-harmed' || p.role === 'person-responsible').map((p) => p.id);
    return {
      stage: kase.stage,
      heldFromStage: kase.heldFromStage,
      triageDecision: kase.triageDecision,
      firstContactMade: kase.firstContactAt !== null,
      facilitatorsAssigned: kase.leadFacilitatorId !== null && kase.coFacilitatorId !== null,
      anyPartyConsented: partyIds.some((id) => consented.has(id)),
      jointMeetingBlockers: jointMeetingBlockers({
        participants,
        consentedToParticipate: consented,
        latestJointAssessment: latestJoint ? { suitable: latestJoint.suitable } : null,
      }),
      agreementRecorded: agreements > 0,
      participants,
      consentedToParticipate: consented,
    };
  }
}
