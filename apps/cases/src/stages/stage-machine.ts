import type { CaseStage } from '#contracts';

/**
 * The RJ process as a state machine (shared/domain.md): the forward path, the exits open from
 * any open stage (RJ is voluntary; the facilitator may judge it unsafe), and back from hold.
 * Pure: no I/O, so every move is tested fast and alone.
 */
const FORWARD: Partial<Record<CaseStage, readonly CaseStage[]>> = {
  referred: ['first-contact', 'rejected'],
  'first-contact': ['assessment'],
  assessment: ['consent'],
  consent: ['preparation'],
  preparation: ['direct-meeting', 'indirect-communication'],
  // Indirect RJ may come first and lead to a meeting, or stand instead of one.
  'indirect-communication': ['direct-meeting', 'outcome-agreement', 'follow-up'],
  'direct-meeting': ['outcome-agreement', 'follow-up'],
  'outcome-agreement': ['follow-up'],
  'follow-up': ['closed'],
};

export const EXIT_STAGES = ['on-hold', 'withdrawn', 'unsuitable', 'uncontactable', 'other-party-declined'] as const;

export const TERMINAL_STAGES: readonly CaseStage[] = [
  'closed',
  'rejected',
  'withdrawn',
  'unsuitable',
  'uncontactable',
  'other-party-declined',
];

export function isOpen(stage: CaseStage): boolean {
  return !TERMINAL_STAGES.includes(stage);
}

/** Every stage a case may move to from where it is; on hold, only back to where it was, or out. */
export function allowedMoves(stage: CaseStage, heldFrom: CaseStage | null): CaseStage[] {
  if (stage === 'on-hold') {
    return [...(heldFrom ? [heldFrom] : []), ...EXIT_STAGES.filter((exit) => exit !== 'on-hold')];
  }
  if (!isOpen(stage)) return [];
  return [...(FORWARD[stage] ?? []), ...EXIT_STAGES];
}
