import type { Role } from '#auth';

/** Who may read case records: everyone but operations, who run the services and see no cases. */
export const CASE_READERS: Role[] = ['coordinator', 'facilitator', 'manager', 'partnership-lead'];

/** Who may change case records; a partnership lead oversees and does not edit. */
export const CASE_WRITERS: Role[] = ['coordinator', 'facilitator', 'manager'];

/** The facilitators' own records: consent, assessments, notes, outcomes, feedback. */
export const PRACTITIONERS: Role[] = ['facilitator', 'manager'];

/** Intake and allocation. */
export const COORDINATION: Role[] = ['coordinator', 'manager'];
