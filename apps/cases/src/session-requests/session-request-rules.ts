import type { CaseStage, ParticipantRole, SessionKind } from '#contracts';

export interface RequestFacts {
  stage: CaseStage;
  facilitatorsAssigned: boolean;
  /** Participants still on the case. */
  participants: { id: string; role: ParticipantRole; supportsParticipantId: string | null }[];
  consentedToParticipate: ReadonlySet<string>;
  jointMeetingBlockers: string[];
}

const STAGES_FOR: Record<SessionKind, readonly CaseStage[]> = {
  preparation: ['first-contact', 'assessment', 'consent', 'preparation', 'indirect-communication'],
  conference: ['preparation', 'indirect-communication', 'direct-meeting'],
  'follow-up': ['direct-meeting', 'indirect-communication', 'outcome-agreement', 'follow-up'],
  'indirect-step': ['indirect-communication'],
};

/** Roles that take part in their own right and so must consent; professionals attend by role. */
const MUST_CONSENT: readonly ParticipantRole[] = ['person-harmed', 'person-responsible', 'supporter', 'community-member'];

/**
 * Why a session cannot be requested, or an empty list. Every session but the conference is
 * with one party only, and brings no one from the other side; the conference needs the joint
 * meeting rule; everyone who attends in their own right must have consented.
 */
export function sessionRequestProblems(kind: SessionKind, participantIds: string[], facts: RequestFacts): string[] {
  const problems: string[] = [];
  if (!STAGES_FOR[kind].includes(facts.stage)) {
    problems.push(`${kind} sessions cannot be requested while the case is at ${facts.stage}`);
  }
  if (!facts.facilitatorsAssigned) problems.push('two facilitators must be assigned first');

  const byId = new Map(facts.participants.map((p) => [p.id, p]));
  const unknown = participantIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) return [...problems, `not participants of this case: ${unknown.join(', ')}`];
  const attending = participantIds.map((id) => byId.get(id)!);
  const parties = attending.filter((p) => p.role === 'person-harmed' || p.role === 'person-responsible');

  if (kind === 'conference') {
    problems.push(...facts.jointMeetingBlockers);
    for (const role of ['person-harmed', 'person-responsible'] as const) {
      if (!attending.some((p) => p.role === role)) problems.push(`a conference needs the ${role} among the participants`);
    }
  } else {
    const sides = new Set(parties.map((p) => p.role));
    if (sides.size !== 1) {
      problems.push(`${kind} sessions are with one party: the person harmed or the person responsible, not both`);
    } else {
      const [side] = [...sides];
      const partyIds = new Set(facts.participants.filter((p) => p.role === side).map((p) => p.id));
      const otherSide = attending.filter((p) => p.supportsParticipantId && !partyIds.has(p.supportsParticipantId));
      for (const p of otherSide) problems.push(`${p.role} ${p.id} is with the other party and cannot attend a ${kind} session for this party`);
    }
  }
  for (const p of attending) {
    if (MUST_CONSENT.includes(p.role) && !facts.consentedToParticipate.has(p.id)) {
      problems.push(`${p.role} ${p.id} has not consented to take part`);
    }
  }
  return problems;
}
