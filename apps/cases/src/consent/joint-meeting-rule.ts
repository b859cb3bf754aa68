import type { ParticipantRole } from '#contracts';

export interface JointMeetingFacts {
  /** Participants still on the case. */
  participants: { id: string; role: ParticipantRole }[];
  /** Participants with a consent to take part in force. */
  consentedToParticipate: ReadonlySet<string>;
  /** The facilitators' latest case-level judgement of a joint meeting, if any. */
  latestJointAssessment: { suitable: boolean } | null;
}

/**
 * What stands in the way of a joint meeting: both the person harmed and the person responsible
 * (every one of each, where several) must have consented to take part, and the facilitators
 * must have recorded that a meeting is safe and suitable. Empty when nothing does.
 */
export function jointMeetingBlockers(facts: JointMeetingFacts): string[] {
  const blockers: string[] = [];
  for (const role of ['person-harmed', 'person-responsible'] as const) {
    const parties = facts.participants.filter((p) => p.role === role);
    if (parties.length === 0) blockers.push(`the case has no ${role} participant`);
    for (const party of parties) {
      if (!facts.consentedToParticipate.has(party.id)) blockers.push(`${role} ${party.id} has not consented to take part`);
    }
  }
  if (!facts.latestJointAssessment) {
    blockers.push('the facilitators have not recorded that a joint meeting is safe and suitable');
  } else if (!facts.latestJointAssessment.suitable) {
    blockers.push('the latest assessment judged a joint meeting unsafe or unsuitable');
  }
  return blockers;
}
