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

/** Words between the numbers of a poll answer ("1 and 3", "1 or 3"; Welsh "1 a 3", "1 ac 3", "1 neu 3"). */
const JOINERS = new Set(['AND', 'OR', 'A', 'AC', 'NEU']);
/** None of the times suits (Welsh "dim"): read as the number 0, as the message offers. */
const NONE = new Set(['NONE', 'DIM']);

/**
 * A reply to a poll message that lists numbered times: the numbers given ("1 3", "1,3",
 * "1 and 3"), in order and once each, 0 for none ("0", NONE, DIM); null when the reply does not
 * read as an answer (it is then read as any other reply). A number of three digits or more is no
 * answer: it is more likely a phone number or a date than a choice among a few times.
 */
export function readPollAnswer(body: string): number[] | null {
  const text = body.trim().replace(/[.!?]+$/, '').toUpperCase();
  if (NONE.has(text)) return [0];
  const words = text.split(/[\s,;&+]+/).filter((w) => w !== '');
  if (words.length === 0 || !/^\d+$/.test(words[0]!)) return null;
  const numbers = words.filter((w) => !JOINERS.has(w));
  if (!numbers.every((n) => /^\d{1,2}$/.test(n))) return null;
  return [...new Set(numbers.map(Number))].sort((a, b) => a - b);
}
