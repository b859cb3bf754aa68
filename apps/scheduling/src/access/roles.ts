import type { Role } from '#auth';

/** Who books, and who enters venues and availability: the organisation's coordinators. */
export const SCHEDULERS: Role[] = ['coordinator'];

/**
 * Who may see the organisation's sessions, venues and availability. Facilitators (their own
 * cases) and partnership leads (their whole partnership) need facts scheduling does not yet
 * receive: which token subject a facilitator is, and which partnership an organisation is in.
 */
export const SCHEDULE_READERS: Role[] = ['coordinator', 'manager', 'partnership-lead'];
