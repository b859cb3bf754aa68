import type { SessionKind } from '../vocabulary';

/**
 * Events of the scheduling service, version 1. Ids and facts only: people are named by their ids,
 * and a session's venue by its id and kind; the subscriber looks up what it may tell whom. A
 * venue's own description travels in `venue.saved`.
 */

/** Where a session happens: a community venue, a prison (official visit) or video (remote). */
export const VENUE_KINDS = ['community', 'prison', 'video'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

interface SessionFactsV1 {
  sessionId: string;
  kind: SessionKind;
  /** Goes up with each reschedule and cancellation; the highest version is the current one. */
  version: number;
  participantIds: string[];
  facilitatorIds: string[];
}

export interface SessionBookedV1 extends SessionFactsV1 {
  startsAt: string;
  endsAt: string;
  venueId: string;
  venueKind: VenueKind;
}

export interface SessionRescheduledV1 extends SessionBookedV1 {
  previousStartsAt: string;
  previousVenueId: string;
}

export const SESSION_CANCEL_REASONS = ['case-ended', 'cancelled-by-coordinator'] as const;
export type SessionCancelReason = (typeof SESSION_CANCEL_REASONS)[number];

export interface SessionCancelledV1 extends SessionFactsV1 {
  reason: SessionCancelReason;
  /** Where it had been booked, if it had: people were told of it and now must be told again. */
  wasBookedFor: string | null;
}

/** A participant's attendance confirmed: by their reply to a reminder, or by a coordinator. */
export const ATTENDANCE_CONFIRMED_VIA = ['reply', 'coordinator'] as const;
export type AttendanceConfirmedVia = (typeof ATTENDANCE_CONFIRMED_VIA)[number];

export interface SessionAttendanceConfirmedV1 {
  sessionId: string;
  kind: SessionKind;
  /** The session version the confirmation was for. */
  version: number;
  participantId: string;
  via: AttendanceConfirmedVia;
  confirmedAt: string;
}

/** Recorded by a coordinator once the session's time has passed. */
export const SESSION_OUTCOMES = ['took-place', 'did-not-take-place'] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

export interface SessionOutcomeRecordedV1 {
  sessionId: string;
  kind: SessionKind;
  version: number;
  outcome: SessionOutcome;
  recordedAt: string;
}

/**
 * An availability poll opened for one participant. The link's token is a secret and never
 * travels in an event: notifications asks for it (RPC `scheduling.poll-link.v1`) when sending.
 * Options are times only: nothing of the session's other attendees, venue or case.
 */
export interface PollOpenedV1 {
  pollId: string;
  sessionId: string;
  participantId: string;
  options: { optionId: string; startsAt: string; endsAt: string }[];
  closesAt: string;
}

/**
 * A venue as it now is, on its creation and on each change (and once for each venue that existed
 * when this event was introduced), so notifications can say where a session is; the event with the
 * highest sequence is a venue's current description. A venue is a place an organisation books (a
 * community hall, a prison's visits hall, a video room), not where anyone lives, so its address
 * travels in clear as no person's would. Nothing stops a coordinator typing a home address as a
 * venue: every text that names a venue is screened against the case's people all the same.
 */
export interface VenueSavedV1 {
  venueId: string;
  /** The organisation that books it (also the envelope's organisationId). */
  organisation: string;
  kind: VenueKind;
  /** The venue as coordinators know it, e.g. "Maidstone hub, room 2". */
  label: string;
  /** Its postal address on one line, when known. */
  address: string | null;
  /** How to arrive, e.g. a prison's "Bring photo ID; arrive 30 minutes early.", when given. */
  directions: string | null;
  timeZone: string;
}
