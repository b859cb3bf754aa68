import type {
  ActionStatus,
  AgeGroup,
  CaseStage,
  ClosureReason,
  ConsentMethod,
  ConsentScope,
  ContactChannel,
  ContactOutcome,
  DeliveryType,
  HoldReason,
  JusticeStage,
  Language,
  OffenceCategory,
  ParticipantRole,
  PartyRole,
  ReferralSource,
  RiskLevel,
  SessionKind,
  TriageRejectionReason,
  UncontactableReason,
  UnsuitableReason,
  WithdrawnBy,
} from '../vocabulary';

/** Events of the cases service, version 1. Facts and ids only: no names, numbers or addresses. */

export interface CaseReferredV1 {
  reference: string;
  partnershipId: string | null;
  source: ReferralSource;
  initiatedBy: PartyRole;
  offenceCategory: OffenceCategory;
  domesticAbuse: boolean;
  sexualOffence: boolean;
  hateCrime: boolean;
  justiceStage: JusticeStage;
  ageGroup: AgeGroup;
  receivedAt: string;
  firstContactDueAt: string;
}

export interface CaseTriagedV1 {
  decision: 'accepted' | 'rejected';
  rejectionReason: TriageRejectionReason | null;
  decidedAt: string;
  /**
   * The role the decision was taken in (manager when the person holds both): who rejects at
   * triage, for reporting. Added to v1 later, so events published before carry none.
   */
  decidedByRole?: 'coordinator' | 'manager';
}

export interface ContactAttemptedV1 {
  attemptId: string;
  participantId: string | null;
  participantRole: ParticipantRole | null;
  channel: ContactChannel;
  outcome: ContactOutcome;
  attemptedAt: string;
  /** True on the case's first successful contact: the 48-hour clock stops here. */
  firstContact: boolean;
}

export interface CaseStageChangedV1 {
  from: CaseStage;
  to: CaseStage;
  changedAt: string;
  /**
   * For on-hold, unsuitable, closed and uncontactable. Uncontactable carries one only since the
   * reason was asked for: moves to it published before carry null.
   */
  reason: HoldReason | UnsuitableReason | ClosureReason | UncontactableReason | null;
  withdrawnBy: WithdrawnBy | null;
  delivery: DeliveryType | null;
}

export interface FacilitatorsAssignedV1 {
  leadFacilitatorId: string;
  coFacilitatorId: string;
  /** A manager assigned past a facilitator's capacity. */
  capacityOverridden: boolean;
}

export interface FacilitatorV1 {
  facilitatorId: string;
  /**
   * The subject of the facilitator's bearer token, so services can tell which facilitator is
   * calling. Added to v1 later, so events published before carry none.
   */
  userId?: string;
  capacity: number;
  timeZone: string;
  active: boolean;
}

export interface ParticipantV1 {
  participantId: string;
  role: ParticipantRole;
  /** For a supporter: the participant they support (their side of the case). */
  supportsParticipantId: string | null;
  language: Language;
  timeZone: string;
  inCustody: boolean;
  /** Establishment code of a person in custody; they can be met only there. */
  establishment: string | null;
  needsAccessibleVenue: boolean;
  interpreterLanguage: string | null;
  channels: { sms: boolean; email: boolean; voicemail: boolean; letters: boolean };
  /** Messages must come from a neutral sender (a shared phone must not reveal the process). */
  discreet: boolean;
}

export interface ParticipantRemovedV1 {
  participantId: string;
}

export interface ConsentRecordedV1 {
  consentId: string;
  participantId: string;
  participantRole: ParticipantRole;
  scope: ConsentScope;
  method: ConsentMethod;
  givenAt: string;
}

export interface ConsentWithdrawnV1 {
  consentId: string;
  participantId: string;
  participantRole: ParticipantRole;
  scope: ConsentScope;
  withdrawnAt: string;
}

export interface AssessmentRecordedV1 {
  assessmentId: string;
  /** Null for the case-level judgement that a joint meeting is safe and suitable. */
  participantId: string | null;
  suitable: boolean;
  riskLevel: RiskLevel;
  stage: CaseStage;
  assessedAt: string;
}

export interface SessionRequestedV1 {
  requestId: string;
  kind: SessionKind;
  participantIds: string[];
  facilitatorIds: string[];
  durationMinutes: number;
  delivery: DeliveryType | null;
  notBefore: string | null;
  requestedAt: string;
}

export interface OutcomeAgreementRecordedV1 {
  agreementId: string;
  madeAt: string;
  actions: { actionId: string; dueBy: string }[];
}

export interface OutcomeActionUpdatedV1 {
  agreementId: string;
  actionId: string;
  status: ActionStatus;
  dueBy: string;
  completedAt: string | null;
}

export interface FeedbackRecordedV1 {
  feedbackId: string;
  participantId: string;
  participantRole: ParticipantRole;
  /** 1 (very dissatisfied) to 5 (very satisfied). */
  satisfaction: number;
  recordedAt: string;
}
