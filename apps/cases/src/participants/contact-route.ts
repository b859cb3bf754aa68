import type { ContactRouteResponseV1 } from '#contracts';
import type { ParticipantRecord } from './participant.record';

/**
 * Where a participant's session logistics may go. A person in custody is never messaged: their
 * offender manager on the case receives them instead. Only channels marked safe carry an
 * address; a route with neither is still returned so the caller can record why nothing went.
 */
export function contactRoute(participantId: string, participants: ParticipantRecord[]): ContactRouteResponseV1 {
  const person = participants.find((p) => p.id === participantId && !p.removedAt);
  if (!person) return unreachable(participantId, 'the participant is not on the case');
  if (!person.inCustody) return { participantId, recipient: recipient(person, 'self'), unreachableReason: null };

  const managers = participants.filter((p) => p.role === 'offender-manager' && !p.removedAt);
  const manager = managers.find((m) => m.supportsParticipantId === person.id) ?? (managers.length === 1 ? managers[0] : undefined);
  if (!manager) return unreachable(participantId, 'the person is in custody and the case has no offender manager for them');
  return { participantId, recipient: recipient(manager, 'offender-manager-for-person-in-custody'), unreachableReason: null };
}

function recipient(p: ParticipantRecord, relation: NonNullable<ContactRouteResponseV1['recipient']>['relation']) {
  return {
    participantId: p.id,
    role: p.role,
    relation,
    firstName: p.name.split(/\s+/)[0] ?? p.name,
    language: p.language,
    timeZone: p.timeZone,
    discreet: p.discreet,
    sms: p.smsAllowed ? p.phone : null,
    email: p.emailAllowed ? p.email : null,
  };
}

function unreachable(participantId: string, reason: string): ContactRouteResponseV1 {
  return { participantId, recipient: null, unreachableReason: reason };
}
