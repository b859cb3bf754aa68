import type { SessionKind } from '../vocabulary';

/**
 * Events of the scheduling service, version 1. Ids and facts only: a venue is named by its id
 * and kind, people by their ids; the subscriber looks up what it may tell whom.
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
