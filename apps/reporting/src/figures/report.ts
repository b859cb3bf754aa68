/** Counts by a category code. */
export type Counts = Record<string, number>;

/** Hours between two moments over a set of cases; null when there is nothing to measure. */
export interface Duration {
  cases: number;
  medianHours: number | null;
  p90Hours: number | null;
}

/** A set of messages counted by what became of them (figures/notes.ts says how). */
export interface MessageCounts {
  total: number;
  sent: number;
  delivered: number;
  failed: number;
  held: number;
}

export interface Figures {
  referrals: {
    total: number;
    bySource: Counts;
    byInitiator: Counts;
    byOffenceCategory: Counts;
    byJusticeStage: Counts;
    byAgeGroup: Counts;
    flagged: { domesticAbuse: number; sexualOffence: number; hateCrime: number };
  };
  firstContact: {
    targetHours: number;
    /** Accepted (or not yet triaged) referrals: those the clock runs for. */
    cases: number;
    contacted: number;
    medianHours: number | null;
    p90Hours: number | null;
    withinTarget: number;
    /** Within target among the cases whose clock has stopped or run out; null when none has. */
    shareWithinTarget: number | null;
    breaches: { contactedLate: number; notContactedPastTarget: number };
  };
  funnel: {
    reached: Counts;
    currentStage: Counts;
    exits: Record<string, { total: number; byStage: Counts; whileOnHold: number; byWhom: Counts; byReason: Counts }>;
  };
  timeInStage: Record<string, Duration & { stillIn: number }>;
  timeToClose: Duration & { byReason: Counts };
  consent: Record<string, Record<string, { given: number; withdrawn: number; active: number }>>;
  delivery: { byType: Counts; meetingsHeld: { total: number; byType: Counts }; sessionRequests: Counts };
  outcomes: {
    agreements: number;
    casesWithAgreement: number;
    actions: number;
    completed: number;
    completedOnTime: number;
    completedLate: number;
    overdue: number;
    openNotYetDue: number;
    cancelled: number;
  };
  satisfaction: {
    responses: number;
    mean: number | null;
    /** Share answering 4 or 5 of 5. */
    shareSatisfied: number | null;
    distribution: Counts;
    byRole: Record<string, { responses: number; mean: number | null }>;
  };
  participants: Record<string, { offered: number; tookPart: number }>;
  caseload: {
    facilitators: number;
    activeCases: number;
    capacity: number;
    overCapacity: number;
    byFacilitator: Record<string, { capacity: number; activeCases: number; active: boolean }>;
  };
  messages: MessageCounts & {
    dropped: number;
    /** Queued, released by the content policy, or held for review: not sent yet. */
    notYetSent: number;
    byStatus: Counts;
    heldByContentPolicy: { total: number; released: number; discarded: number; stillHeld: number };
    byChannel: Record<string, MessageCounts>;
    byPurpose: Record<string, MessageCounts>;
    confirmations: { total: number; byVia: Counts };
    rescheduleRequests: { total: number; byChannel: Counts };
    optOuts: { total: number; byChannel: Counts };
  };
  sessions: {
    booked: number;
    held: number;
    notHeld: number;
    moved: number;
    moves: number;
    cancelled: number;
    cancelledBeforeBooking: number;
    cancelledByReason: Counts;
    byKind: Record<string, { booked: number; held: number; moved: number; cancelled: number }>;
  };
}

export type FigureName = keyof Figures;

export const FIGURE_NAMES: readonly FigureName[] = [
  'referrals',
  'firstContact',
  'funnel',
  'timeInStage',
  'timeToClose',
  'consent',
  'delivery',
  'outcomes',
  'satisfaction',
  'participants',
  'caseload',
  'messages',
  'sessions',
];

export interface Report {
  period: { from: string; to: string; asAt: string };
  scope: { partnershipId: string | null; organisationId: string | null };
  filters: { referralSource: string | null; offenceCategory: string | null; justiceStage: string | null };
  /** How each figure is counted, for a reader who was not in the room. */
  notes: Partial<Record<FigureName, string>>;
  figures: Figures;
}
