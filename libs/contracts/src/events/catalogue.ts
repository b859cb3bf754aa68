import type { ServiceName } from '../services';
import type * as C from './case.events';
import type * as N from './notifications.events';
import type * as S from './scheduling.events';

/** Every event type with its current payload. A breaking change is a new version, not an edit. */
export interface EventPayloads {
  'case.referred': C.CaseReferredV1;
  'case.triaged': C.CaseTriagedV1;
  'case.contact-attempted': C.ContactAttemptedV1;
  'case.stage-changed': C.CaseStageChangedV1;
  'case.facilitators-assigned': C.FacilitatorsAssignedV1;
  'facilitator.registered': C.FacilitatorV1;
  'facilitator.changed': C.FacilitatorV1;
  'participant.added': C.ParticipantV1;
  'participant.changed': C.ParticipantV1;
  'participant.removed': C.ParticipantRemovedV1;
  'consent.recorded': C.ConsentRecordedV1;
  'consent.withdrawn': C.ConsentWithdrawnV1;
  'assessment.recorded': C.AssessmentRecordedV1;
  'session.requested': C.SessionRequestedV1;
  'outcome-agreement.recorded': C.OutcomeAgreementRecordedV1;
  'outcome-action.updated': C.OutcomeActionUpdatedV1;
  'feedback.recorded': C.FeedbackRecordedV1;
  'session.booked': S.SessionBookedV1;
  'session.rescheduled': S.SessionRescheduledV1;
  'session.cancelled': S.SessionCancelledV1;
  'session.attendance-confirmed': S.SessionAttendanceConfirmedV1;
  'session.outcome-recorded': S.SessionOutcomeRecordedV1;
  'poll.opened': S.PollOpenedV1;
  'venue.saved': S.VenueSavedV1;
  'reply.attendance-confirmed': N.ReplyAttendanceConfirmedV1;
  'reply.reschedule-requested': N.ReplyRescheduleRequestedV1;
  'poll.answered': N.PollAnsweredV1;
  'message.status-changed': N.MessageStatusChangedV1;
  'channel.opted-out': N.ChannelOptedOutV1;
}

export type EventType = keyof EventPayloads;

export interface EventDefinition {
  version: number;
  /** The services whose queue receives it; the relay publishes one job per subscriber. */
  subscribers: readonly ServiceName[];
}

const toSchedulingAndReporting = ['scheduling', 'reporting'] as const;
const toReporting = ['reporting'] as const;
const toNotifications = ['notifications'] as const;
const toNotificationsAndReporting = ['notifications', 'reporting'] as const;
const toScheduling = ['scheduling'] as const;
const toSchedulingNotificationsAndReporting = ['scheduling', 'notifications', 'reporting'] as const;

export const EVENT_CATALOGUE: { readonly [T in EventType]: EventDefinition } = {
  'case.referred': { version: 1, subscribers: toSchedulingAndReporting },
  'case.triaged': { version: 1, subscribers: toReporting },
  'case.contact-attempted': { version: 1, subscribers: toReporting },
  'case.stage-changed': { version: 1, subscribers: toSchedulingAndReporting },
  'case.facilitators-assigned': { version: 1, subscribers: toSchedulingNotificationsAndReporting },
  'facilitator.registered': { version: 1, subscribers: toSchedulingNotificationsAndReporting },
  'facilitator.changed': { version: 1, subscribers: toSchedulingNotificationsAndReporting },
  'participant.added': { version: 1, subscribers: toSchedulingAndReporting },
  'participant.changed': { version: 1, subscribers: toSchedulingAndReporting },
  'participant.removed': { version: 1, subscribers: toSchedulingAndReporting },
  'consent.recorded': { version: 1, subscribers: toReporting },
  'consent.withdrawn': { version: 1, subscribers: toReporting },
  'assessment.recorded': { version: 1, subscribers: toReporting },
  'session.requested': { version: 1, subscribers: toSchedulingAndReporting },
  'outcome-agreement.recorded': { version: 1, subscribers: toReporting },
  'outcome-action.updated': { version: 1, subscribers: toReporting },
  'feedback.recorded': { version: 1, subscribers: toReporting },
  'session.booked': { version: 1, subscribers: toNotificationsAndReporting },
  'session.rescheduled': { version: 1, subscribers: toNotificationsAndReporting },
  'session.cancelled': { version: 1, subscribers: toNotificationsAndReporting },
  'session.attendance-confirmed': { version: 1, subscribers: toNotificationsAndReporting },
  'session.outcome-recorded': { version: 1, subscribers: toReporting },
  'poll.opened': { version: 1, subscribers: toNotifications },
  'venue.saved': { version: 1, subscribers: toNotifications },
  'reply.attendance-confirmed': { version: 1, subscribers: toScheduling },
  'reply.reschedule-requested': { version: 1, subscribers: toSchedulingAndReporting },
  'poll.answered': { version: 1, subscribers: toScheduling },
  'message.status-changed': { version: 1, subscribers: toReporting },
  'channel.opted-out': { version: 1, subscribers: toReporting },
};

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, value);
}

/** The event types a service receives, for its consumer to check its handlers against. */
export function eventsSubscribedBy(service: ServiceName): EventType[] {
  return (Object.keys(EVENT_CATALOGUE) as EventType[]).filter((type) =>
    EVENT_CATALOGUE[type].subscribers.includes(service),
  );
}
