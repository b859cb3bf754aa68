import type { CaseReferredV1 } from '#contracts';
import type { CaseEntity } from './case.entity';

export type ReferralFacts = Omit<CaseReferredV1, 'reference' | 'partnershipId' | 'firstContactDueAt'>;

/** The referral as recorded at intake: what the API shows and the case.referred event carries. */
export function referralFacts(kase: CaseEntity): ReferralFacts {
  return {
    source: kase.source,
    initiatedBy: kase.initiatedBy,
    offenceCategory: kase.offenceCategory,
    domesticAbuse: kase.domesticAbuse,
    sexualOffence: kase.sexualOffence,
    hateCrime: kase.hateCrime,
    justiceStage: kase.justiceStage,
    ageGroup: kase.ageGroup,
    receivedAt: kase.receivedAt.toISOString(),
  };
}
