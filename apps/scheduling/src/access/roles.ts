import type { Role } from '#auth';

/** Who books, and who enters venues and availability: the organisation's coordinators. */
export const SCHEDULERS: Role[] = ['coordinator'];

/**
 * Who may see the organisation's sessions, venues and availability. A partnership lead also
 * reads the sessions of the partnership's cases in other organisations (`SessionAccess`); the
 * venues and availability of those organisations stay theirs.
 */
export const SCHEDULE_READERS: Role[] = ['coordinator', 'manager', 'partnership-lead'];

/** Who may read sessions: the schedule readers, and facilitators the sessions of their own cases. */
export const SESSION_READERS: Role[] = [...SCHEDULE_READERS, 'facilitator'];
