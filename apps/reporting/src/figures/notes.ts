import type { FigureName, NoDataSource } from './report';

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
    'they left, who withdrew and the reason code. Cases events do not say which role rejected, judged unsuitable or ' +
    'declined, nor why a case was uncontactable: those breakdowns are empty until they do.',
  timeInStage: `Hours from entering a stage to the next move, over the stages left; stillIn counts cases there now. ${MEDIAN_AND_P90}`,
  timeToClose: `Hours from referral to closure, for closed cases of the cohort. ${MEDIAN_AND_P90}`,
  consent: 'Participants by role with consent given, withdrawn, and still in force, per consent scope.',
  delivery:
    'Cases moved to direct or indirect delivery by type. A meeting counts as held when the case moved on from it to the ' +
    'outcome agreement or follow-up; sessions held as booked come with the scheduling service.',
  outcomes: 'Outcome agreements and their SMART actions: completed by their deadline or after it, open past it (overdue).',
  satisfaction: 'Feedback scores from 1 to 5 recorded at follow-up; satisfied means 4 or 5.',
  participants:
    'Parties recorded on the cohort\'s cases (offered RJ) and those who had consented to take part when the case first reached ' +
    'direct or indirect delivery (took part).',
  caseload: 'Now, not over the period: open cases each facilitator carries as lead or co-facilitator, against capacity.',
};

export const MESSAGES_NOT_YET: NoDataSource = {
  status: 'no-data-source',
  explanation:
    'Messages sent, delivered, failed, held by the content policy, confirmations, reschedule requests and opt-outs come from ' +
    'the notifications service, which publishes no events yet. Not zero: unknown.',
  awaitingEvents: ['notifications events (not yet in libs/contracts)'],
};

export const SESSIONS_NOT_YET: NoDataSource = {
  status: 'no-data-source',
  explanation:
    'Sessions held, moved and cancelled come from the scheduling service, which publishes no events yet. Not zero: unknown. ' +
    'Session requests made in cases are under delivery.sessionRequests.',
  awaitingEvents: ['scheduling events (not yet in libs/contracts)'],
};
