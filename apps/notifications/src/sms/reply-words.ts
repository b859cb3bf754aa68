/** What a reply asks for. */
export type ReplyKind = 'confirm' | 'reschedule' | 'stop' | 'start' | 'help' | 'other';

/** The standard opt-out words (carriers and Twilio honour the same), and the words that undo them. */
const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const START = new Set(['START', 'UNSTOP']);
const CONFIRM = new Set(['C', 'YES', 'Y']);
const RESCHEDULE = new Set(['R']);
const HELP = new Set(['HELP', 'INFO']);

/** A reply read as one keyword: the whole text, trimmed, any case, trailing punctuation ignored. */
export function readReply(body: string): ReplyKind {
  const word = body.trim().replace(/[.!?]+$/, '').toUpperCase();
  if (STOP.has(word)) return 'stop';
  if (START.has(word)) return 'start';
  if (CONFIRM.has(word)) return 'confirm';
  if (RESCHEDULE.has(word)) return 'reschedule';
  if (HELP.has(word)) return 'help';
  return 'other';
}
