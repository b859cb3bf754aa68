import type { Language, ParticipantRole } from './vocabulary';

/**
 * Request/response patterns over the Redis transport, for the few places a service needs an
 * answer now. Answers are transient (pub/sub) and never stored in Redis.
 */
export const RPC_PATTERNS = {
  /** Where logistics for a participant's session may be sent, and on which safe channels. */
  contactRoute: 'cases.contact-route.v1',
  /** The same for many participants at once (notifications sends in batches); kept beside the single one for workers not yet moved. */
  contactRoutes: 'cases.contact-routes.v1',
  /** The link of an open availability poll, asked for at send time (the token is a secret). */
  pollLink: 'scheduling.poll-link.v1',
} as const;

export interface PollLinkRequestV1 {
  pollId: string;
  participantId: string;
}

/** Null url when the poll is closed or not this participant's. */
export interface PollLinkResponseV1 {
  url: string | null;
  closesAt: string | null;
}

export interface ContactRouteRequestV1 {
  caseId: string;
  participantId: string;
}

/** At most this many routes in one request. */
export const CONTACT_ROUTES_MAX = 500;

export interface ContactRoutesRequestV1 {
  routes: ContactRouteRequestV1[];
}

/** One answer per request, in the order asked. */
export interface ContactRoutesResponseV1 {
  routes: ContactRouteResponseV1[];
}

/**
 * A person in custody is never messaged: the route then leads to their offender manager.
 * Only channels the recipient has said are safe carry an address.
 */
export interface ContactRouteResponseV1 {
  participantId: string;
  recipient: {
    participantId: string;
    role: ParticipantRole;
    /** 'self', or why someone else receives the participant's logistics. */
    relation: 'self' | 'offender-manager-for-person-in-custody';
    firstName: string;
    language: Language;
    timeZone: string;
    discreet: boolean;
    sms: string | null;
    email: string | null;
  } | null;
  /** Why there is no recipient, when there is none. */
  unreachableReason: string | null;
}
