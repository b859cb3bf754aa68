/**
 * The scheduling problem, format v1 (shared/spec/scheduling-problem.md), as types.
 * Times are ISO-8601 UTC instants with a trailing Z; intervals are half-open [start, end).
 */
export type IsoInstant = string;
export type Interval = [IsoInstant, IsoInstant];

export const PERSON_ROLES = [
  'facilitator',
  'victim',
  'offender',
  'supporter',
  'offender-manager',
  'interpreter',
  'community-member',
  'other',
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export interface Person {
  id: string;
  role: PersonRole;
  /** At most this many sessions start on one calendar day of the instance's timezone. */
  maxSessionsPerDay?: number;
  /** Without it the person is available throughout. */
  available?: Interval[];
}

export interface Venue {
  id: string;
  /** Most attendees it holds; without it, any number. */
  capacity?: number;
  accessible?: boolean;
  available?: Interval[];
  /** Video or phone: no capacity, availability, travel or overlap limits. */
  remote?: boolean;
}

/** Minutes between two venues, either direction. */
export type TravelEntry = [string, string, number];

export interface Separation {
  people: [string, string];
  minutes: number;
}

export interface AfterRule {
  session: string;
  minGapMinutes?: number;
  maxGapMinutes?: number;
}

export interface SessionSpec {
  id: string;
  case: string;
  kind: string;
  durationMinutes: number;
  attendees: string[];
  /** Allowed venues in the coordinator's order of preference. */
  venues: string[];
  needsAccessible?: boolean;
  /** Weight in the objective; default 1. */
  priority?: number;
  after?: AfterRule[];
  notBefore?: IsoInstant;
  notAfter?: IsoInstant;
  fixed?: { start: IsoInstant; venue: string };
}

export interface Instance {
  version: 1;
  horizon: { start: IsoInstant; end: IsoInstant };
  slotMinutes: number;
  timezone: string;
  defaultTravelMinutes: number;
  people: Person[];
  venues: Venue[];
  travel?: TravelEntry[];
  separations?: Separation[];
  sessions: SessionSpec[];
}

export interface Assignment {
  session: string;
  start: IsoInstant;
  venue: string;
}

export interface Unscheduled {
  session: string;
  /** For a person: names the people, venues or rules that stop the session. */
  reason: string;
}

/** A fixed session that itself breaks a hard rule: kept as fixed, and reported. */
export interface Conflict {
  session: string;
  reason: string;
}

export interface PlanStats {
  solveMs: number;
  placedWeight: number;
  delayHours: number;
}

export interface Plan {
  assignments: Assignment[];
  unscheduled: Unscheduled[];
  conflicts: Conflict[];
  stats: PlanStats;
}

export interface SolveOptions {
  /** Wall-clock budget; the best plan found so far is returned when it runs out. Default 2000. */
  timeLimitMs?: number;
}

/** One bookable option for a session, or a near miss that one attendee's availability breaks. */
export interface Suggestion {
  start: IsoInstant;
  venue: string;
  /** Absent for a feasible option; for a near miss, the one attendee who would have to move. */
  nearMiss?: { attendee: string; reason: string };
}
