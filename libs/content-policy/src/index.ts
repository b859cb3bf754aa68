export { CATEGORIES, reasonText } from './model';
export type { Category, Channel, Finding, Message, Participant, Verdict } from './model';
export { DEFAULT_POLICY_CONFIG } from './config';
export type { PolicyConfig } from './config';
export { ContentPolicy } from './screen';
export { parseMessageLine, verdictLine, malformedVerdict } from './message-line';
export type { MessageLine } from './message-line';
