/**
 * The words of the RJ process (shared/domain.md) as they cross between services: in events,
 * APIs and the database alike. Values are kebab-case and never renamed once published.
 */
export const CASE_STAGES = [
  'referred',
  'first-contact',
  'assessment',
  'consent',
  'preparation',
  'direct-meeting',
  'indirect-communication',
  'outcome-agreement',
  'follow-up',
  'closed',
  'rejected',
  'on-hold',
  'withdrawn',
  'unsuitable',
  'uncontactable',
  'other-party-declined',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const PARTICIPANT_ROLES = [
  'person-harmed',
  'person-responsible',
  'supporter',
  'offender-manager',
  'victim-liaison-officer',
  'interpreter',
  'community-member',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The two parties; everyone else takes part alongside one of them or the service. */
export const PARTY_ROLES = ['person-harmed', 'person-responsible'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const REFERRAL_SOURCES = [
  'police',
  'victim-support',
  'victim-liaison-officer',
  'prison-offender-manager',
  'community-offender-manager',
  'youth-offending-team',
  'self',
  'other',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const OFFENCE_CATEGORIES = [
  'violence-against-the-person',
  'sexual-offence',
  'robbery',
  'burglary',
  'theft',
  'criminal-damage',
  'arson',
  'public-order',
  'harassment-and-stalking',
  'fraud',
  'drug-offence',
  'motoring-offence',
  'homicide',
  'other',
] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

export const JUSTICE_STAGES = ['out-of-court', 'pre-sentence', 'post-sentence', 'in-custody'] as const;
export type JusticeStage = (typeof JUSTICE_STAGES)[number];

export const AGE_GROUPS = ['youth', 'adult'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const TRIAGE_REJECTION_REASONS = [
  'no-identifiable-person-harmed',
  'no-identifiable-person-responsible',
  'no-admission-of-responsibility',
  'referral-route-not-accepted',
  'out-of-area',
  'other',
] as const;
export type TriageRejectionReason = (typeof TRIAGE_REJECTION_REASONS)[number];

export const CONTACT_CHANNELS = [
  'phone',
  'sms',
  'email',
  'letter',
  'in-person',
  'via-offender-manager',
  'via-prison',
] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_OUTCOMES = [
  'reached',
  'no-answer',
  'voicemail-left',
  'message-sent',
  'wrong-details',
  'declined-contact',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** Who ended a case by withdrawing: RJ is voluntary for every party. */
export const WITHDRAWN_BY = [
  'person-harmed',
  'person-responsible',
  'supporter',
  'facilitator',
  'referrer',
  'other',
] as const;
export type WithdrawnBy = (typeof WITHDRAWN_BY)[number];

export const HOLD_REASONS = [
  'trial',
  'deferred-sentence',
  'prison-transfer',
  'release',
  'participant-unwell',
  'other',
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export const UNSUITABLE_REASONS = [
  'risk-to-participant',
  'risk-of-further-harm',
  'no-acceptance-of-responsibility',
  'aims-do-not-fit',
  'capacity-to-take-part',
  'other',
] as const;
export type UnsuitableReason = (typeof UNSUITABLE_REASONS)[number];

/**
 * Why a case ended uncontactable: what stopped first contact, as the practitioner judged it
 * (reporting's funnel breaks the exits down by it).
 */
export const UNCONTACTABLE_REASONS = [
  'no-response',
  'wrong-details',
  'moved-away',
  'declined-contact',
  'no-safe-channel',
  'other',
] as const;
export type UncontactableReason = (typeof UNCONTACTABLE_REASONS)[number];

export const CLOSURE_REASONS = ['completed', 'partially-completed', 'no-further-action'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const DELIVERY_TYPES = [
  'face-to-face-conference',
  'video-conference',
  'circle',
  'letters',
  'shuttle-messages',
  'recorded-messages',
] as const;
export type DeliveryType = (typeof DELIVERY_TYPES)[number];

export const CONSENT_SCOPES = ['participation', 'information-sharing'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_METHODS = ['written', 'verbal', 'electronic'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const SESSION_KINDS = ['preparation', 'conference', 'follow-up', 'indirect-step'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const MESSAGE_CHANNELS = ['sms', 'email'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ACTION_STATUSES = ['open', 'completed', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
