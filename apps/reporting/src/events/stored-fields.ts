import type { DomainEvent, EventPayloads, EventType } from '#contracts';

/**
 * The payload fields reporting keeps of each event it receives: what the projections read,
 * nothing more. Events carry no contact details, but some carry facts a report never needs and
 * that say where a person is (a prison establishment) or how to reach them (safe channels);
 * those stop here. An event reporting receives without an entry is refused (a spec checks the
 * subscription against this list), so a new event cannot slip into the log unread.
 */
export const STORED_FIELDS: { readonly [T in EventType]?: readonly (keyof EventPayloads[T])[] } = {
  'case.referred': [
    'reference',
    'partnershipId',
    'source',
    'initiatedBy',
    'offenceCategory',
    'domesticAbuse',
    'sexualOffence',
    'hateCrime',
    'justiceStage',
    'ageGroup',
    'receivedAt',
    'firstContactDueAt',
  ],
  'case.triaged': ['decision', 'rejectionReason', 'decidedAt', 'decidedByRole'],
  'case.contact-attempted': ['attemptId', 'participantRole', 'channel', 'outcome', 'attemptedAt', 'firstContact'],
  'case.stage-changed': ['from', 'to', 'changedAt', 'reason', 'withdrawnBy', 'delivery'],
  'case.facilitators-assigned': ['leadFacilitatorId', 'coFacilitatorId', 'capacityOverridden'],
  'facilitator.registered': ['facilitatorId', 'capacity', 'active'],
  'facilitator.changed': ['facilitatorId', 'capacity', 'active'],
  'participant.added': ['participantId', 'role', 'supportsParticipantId', 'inCustody'],
  'participant.changed': ['participantId', 'role', 'supportsParticipantId', 'inCustody'],
  'participant.removed': ['participantId'],
  'consent.recorded': ['consentId', 'participantId', 'participantRole', 'scope', 'method', 'givenAt'],
  'consent.withdrawn': ['consentId', 'participantId', 'participantRole', 'scope', 'withdrawnAt'],
  'assessment.recorded': ['assessmentId', 'participantId', 'suitable', 'riskLevel', 'stage', 'assessedAt'],
  'session.requested': ['requestId', 'kind', 'participantIds', 'durationMinutes', 'delivery', 'requestedAt'],
  'outcome-agreement.recorded': ['agreementId', 'madeAt', 'actions'],
  'outcome-action.updated': ['agreementId', 'actionId', 'status', 'dueBy', 'completedAt'],
  'feedback.recorded': ['feedbackId', 'participantId', 'participantRole', 'satisfaction', 'recordedAt'],
  // Sessions: which one, its kind and version, and what happened to it; never its time, venue or attendees.
  'session.booked': ['sessionId', 'kind', 'version'],
  'session.rescheduled': ['sessionId', 'kind', 'version'],
  'session.cancelled': ['sessionId', 'kind', 'version', 'reason', 'wasBookedFor'],
  'session.attendance-confirmed': ['sessionId', 'kind', 'version', 'participantId', 'via'],
  'session.outcome-recorded': ['sessionId', 'kind', 'version', 'outcome'],
  // Messages and replies: ids, channel and status codes; never an address, a number or a text.
  'message.status-changed': ['messageId', 'channel', 'purpose', 'status'],
  'reply.reschedule-requested': ['sessionId', 'sessionVersion', 'participantId', 'channel'],
  'channel.opted-out': ['participantId', 'channel'],
};

/** The part of an event's payload reporting stores. */
export function storedPayload(event: DomainEvent): Record<string, unknown> {
  const payload = event.payload as unknown as Record<string, unknown>;
  const kept = STORED_FIELDS[event.type] as readonly string[] | undefined;
  if (!kept) throw new Error(`reporting keeps no fields of ${event.type}: add them to STORED_FIELDS`);
  return Object.fromEntries(kept.filter((field) => field in payload).map((field) => [field, payload[field]]));
}
