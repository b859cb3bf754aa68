import type { FigureName } from './report';

/**
 * Percentiles as a spreadsheet's MEDIAN and PERCENTILE give them (PostgreSQL's percentile_cont),
 * so a manager checking by hand gets the same hours.
 */
const MEDIAN_AND_P90 =
  'Median and p90 interpolate between the two nearest cases: the median of 25 h and 60 h is 42.5 h, their p90 56.5 h.';

/** How each figure is counted; served with every report and printed under its chart. */
export const FIGURE_NOTES: Partial<Record<FigureName, string>> = {
  referrals: 'Cases referred in the period (the cohort every other figure but caseload describes).',
  firstContact:
    'Hours from referral to the first contact attempt that reached someone. Referrals rejected at triage are left out. ' +
    'The share within target is of the cases contacted or past the target without contact. ' +
    MEDIAN_AND_P90,
  funnel:
    'Cases of the cohort that ever reached each stage, where they stand now, and the moves out of the process by the stage ' +
    'they left: a case that left while on hold counts at the stage it was held from (and under whileOnHold). By whom: who ' +
    'withdrew; for a rejection, the role triage decided in (none for referrals triaged before cases said so); for ' +
    'other-party-declined, the party that did not initiate. By reason: the reason code recorded with the move. A case ' +
    'made uncontactable before a reason was asked for counts under the reason its last contact attempt before the move ' +
    'points to (no answer, voicemail or message sent: no-response; reached: other; no-attempt-recorded if none). ' +
    'Cases events do not say who judged a case unsuitable.',
  timeInStage: `Hours from entering a stage to the next move, over the stages left; stillIn counts cases there now. ${MEDIAN_AND_P90}`,
  timeToClose: `Hours from referral to closure, for closed cases of the cohort. ${MEDIAN_AND_P90}`,
  consent: 'Participants by role with consent given, withdrawn, and still in force, per consent scope.',
  delivery:
    'Cases moved to direct or indirect delivery by type. A meeting counts as held when the case moved on from it to the ' +
    'outcome agreement or follow-up; sessions held as scheduling booked them are under sessions.',
  outcomes: 'Outcome agreements and their SMART actions: completed by their deadline or after it, open past it (overdue).',
  satisfaction: 'Feedback scores from 1 to 5 recorded at follow-up; satisfied means 4 or 5.',
  participants:
    'Parties recorded on the cohort\'s cases (offered RJ) and those who had consented to take part when the case first reached ' +
    'direct or indirect delivery (took part).',
  caseload: 'Now, not over the period: open cases each facilitator carries as lead or co-facilitator, against capacity.',
  messages:
    'Messages about the cohort\'s cases (a message belongs to the case its events name; one naming no case is not counted), ' +
    'each once, by its latest status in the order notifications published them: sent counts those handed to the provider, delivered included; failed, failed or ' +
    'undelivered; dropped, never sent (quiet hours outlasted it, or the session changed or started first); notYetSent, ' +
    'queued, released or held now. Held counts messages the content policy ever held, whatever came after (released, ' +
    'discarded or still held). Confirmations: a participant confirming a session version, once however often, by how; ' +
    'reschedule requests: an R reply, once per participant and session version; opt-outs: a participant\'s channel once.',
  sessions:
    'Sessions of the cohort\'s cases as scheduling booked them, each once: booked (ever, moves and cancellations included), ' +
    'held or not as the coordinator recorded (the latest record standing), moved (rescheduled at least once; moves counts ' +
    'every reschedule), cancelled after being booked, by reason (cancelledBeforeBooking: before). Requests for sessions ' +
    'made in cases are under delivery.sessionRequests.',
};
