import type { Role } from '#auth';

/** Who reviews held messages and reads the message log and alerts of their organisation. */
export const REVIEWERS: Role[] = ['coordinator', 'manager'];

/**
 * Who reads replies forwarded from participants. Meant for the case's facilitators, but
 * notifications does not learn which token subject a facilitator is (FacilitatorV1 carries no
 * user id), so the organisation's coordinators read them for now.
 */
export const REPLY_READERS: Role[] = ['coordinator'];

/** Who sets reminder plans. */
export const PLANNERS: Role[] = ['coordinator'];
