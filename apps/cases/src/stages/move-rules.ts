import {
  CaseStage,
  CLOSURE_REASONS,
  DeliveryType,
  HOLD_REASONS,
  TRIAGE_REJECTION_REASONS,
  UNCONTACTABLE_REASONS,
  UNSUITABLE_REASONS,
  WithdrawnBy,
} from '#contracts';
import { allowedMoves } from './stage-machine';

export const DIRECT_DELIVERY: readonly DeliveryType[] = ['face-to-face-conference', 'video-conference', 'circle'];
export const INDIRECT_DELIVERY: readonly DeliveryType[] = ['letters', 'shuttle-messages', 'recorded-messages'];

/** What the rules need to know about a case to judge a move. */
export interface CaseFacts {
  stage: CaseStage;
  heldFromStage: CaseStage | null;
  triageDecision: 'accepted' | 'rejected' | null;
  firstContactMade: boolean;
  facilitatorsAssigned: boolean;
  anyPartyConsented: boolean;
  /** From jointMeetingBlockers: empty when a joint meeting may go ahead. */
  jointMeetingBlockers: string[];
  agreementRecorded: boolean;
}

export interface MoveRequest {
  to: CaseStage;
  reason?: string | null;
  withdrawnBy?: WithdrawnBy | null;
  delivery?: DeliveryType | null;
  /** Rejection is triage's decision, made through triage, not a plain move. */
  viaTriage?: boolean;
}

export type MoveVerdict =
  | { ok: true }
  | { ok: false; kind: 'refused'; code: string; message: string; allowed: CaseStage[] }
  | { ok: false; kind: 'invalid'; field: string; rule: string; message: string };

const REASONS_BY_TARGET: Partial<Record<CaseStage, readonly string[]>> = {
  'on-hold': HOLD_REASONS,
  unsuitable: UNSUITABLE_REASONS,
  closed: CLOSURE_REASONS,
  rejected: TRIAGE_REJECTION_REASONS,
  uncontactable: UNCONTACTABLE_REASONS,
};

/** Judges one requested move against the machine and the process's preconditions. Pure. */
export function judgeMove(facts: CaseFacts, move: MoveRequest): MoveVerdict {
  const allowed = allowedMoves(facts.stage, facts.heldFromStage);
  if (!allowed.includes(move.to)) {
    return refuse('stage-move-refused', `cannot move from ${facts.stage} to ${move.to}`, allowed);
  }
  const invalid = invalidDetail(move);
  if (invalid) return invalid;
  const unmet = unmetPrecondition(facts, move);
  return unmet ? refuse('stage-precondition-unmet', `cannot move from ${facts.stage} to ${move.to}: ${unmet}`, allowed) : { ok: true };
}

function invalidDetail(move: MoveRequest): MoveVerdict | null {
  const reasons = REASONS_BY_TARGET[move.to];
  if (reasons && !reasons.includes(move.reason ?? '')) {
    return invalid('reason', 'isIn', `reason must be one of ${reasons.join(', ')} when moving to ${move.to}`);
  }
  if (move.to === 'withdrawn' && !move.withdrawnBy) {
    return invalid('withdrawnBy', 'isDefined', 'withdrawnBy must say who withdrew when moving to withdrawn');
  }
  if (move.to === 'direct-meeting' && !DIRECT_DELIVERY.includes(move.delivery as DeliveryType)) {
    return invalid('delivery', 'isIn', `delivery must be one of ${DIRECT_DELIVERY.join(', ')} for a direct meeting`);
  }
  if (move.to === 'indirect-communication' && !INDIRECT_DELIVERY.includes(move.delivery as DeliveryType)) {
    return invalid('delivery', 'isIn', `delivery must be one of ${INDIRECT_DELIVERY.join(', ')} for indirect communication`);
  }
  return null;
}

function unmetPrecondition(facts: CaseFacts, move: MoveRequest): string | null {
  switch (move.to) {
    case 'rejected':
      return move.viaTriage ? null : 'a referral is rejected through triage (POST /cases/{id}/triage)';
    case 'first-contact':
      return facts.triageDecision === 'accepted' ? null : 'triage has not accepted the referral';
    case 'assessment':
      if (!facts.firstContactMade) return 'no successful contact attempt is recorded';
      return facts.facilitatorsAssigned ? null : 'two facilitators must be assigned first';
    case 'preparation':
      return facts.anyPartyConsented ? null : 'no party has consented to take part';
    case 'direct-meeting':
      return facts.jointMeetingBlockers.length === 0 ? null : facts.jointMeetingBlockers.join('; ');
    case 'follow-up':
      return facts.stage === 'outcome-agreement' && !facts.agreementRecorded ? 'the outcome agreement has not been recorded' : null;
    default:
      return null;
  }
}

function refuse(code: string, message: string, allowed: CaseStage[]): MoveVerdict {
  return { ok: false, kind: 'refused', code, message: `${message}; allowed from here: ${allowed.join(', ') || 'none'}`, allowed };
}

function invalid(field: string, rule: string, message: string): MoveVerdict {
  return { ok: false, kind: 'invalid', field, rule, message };
}
