import type { Role } from '#auth';

/** Who reviews held messages and reads the message log of their organisation. */
export const REVIEWERS: Role[] = ['coordinator', 'manager'];

/**
 * Who reads the organisation's alerts: failed deliveries, unreachable participants, reschedule
 * requests, and that a reply for the facilitators arrived (its text only where notifications
 * knows none of the case's facilitators by token: alerts/reply-access.ts).
 */
export const ALERT_READERS: Role[] = ['coordinator'];

/** Who reads replies forwarded from participants: a facilitator of the case, known by their token subject. */
export const REPLY_READERS: Role[] = ['facilitator'];

/** Who sets reminder plans. */
export const PLANNERS: Role[] = ['coordinator'];
