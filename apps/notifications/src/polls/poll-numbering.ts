import type { PollEntity, PollOption } from './poll.entity';

/** The SMS that lists a poll's times, numbered, to be answered by reply; a reply is read by number only to it. */
export const POLL_SMS_TEMPLATE = 'sms-poll';

/**
 * At most this many times are listed in an SMS. Scheduling offers 5 by default (10 at most); six
 * short lines ("6) Tue 17 Mar 10:30") with the greeting, how to answer and the link keep the text
 * within three SMS segments. A poll offering more goes as its link only (notice-poll).
 */
export const POLL_SMS_MAX_OPTIONS = 6;

/** The order that numbers the times, kept with the poll: by start, ties by id, so option n stays option n. */
export function inStartOrder(options: readonly PollOption[]): PollOption[] {
  return [...options].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.optionId.localeCompare(b.optionId));
}

/** The times an SMS lists for the poll (the datetime-list slot's value), or null when it goes as its link only. */
export function listedTimes(poll: Pick<PollEntity, 'options'> | undefined, timeZone: string): { instants: string[]; timeZone: string } | null {
  if (!poll || poll.options.length === 0 || poll.options.length > POLL_SMS_MAX_OPTIONS) return null;
  return { instants: poll.options.map((o) => o.startsAt), timeZone };
}

/** What a reply by numbers to a listed poll comes to. */
export type PollVerdict =
  | { kind: 'answered'; chosenOptionIds: string[] }
  /** Not numbers from 1 to count (or 0 alone): asked again, nothing taken. */
  | { kind: 'numbers'; count: number }
  | { kind: 'closed' };

/**
 * A reply's numbers (0 alone for none) against the poll it answers. The poll is closed at its
 * closing time, and once its session is booked or cancelled (`settled`), as scheduling closes it.
 */
export function judgeAnswer(poll: Pick<PollEntity, 'options' | 'closesAt'>, numbers: readonly number[], at: Date, settled: boolean): PollVerdict {
  if (settled || poll.closesAt.getTime() <= at.getTime()) return { kind: 'closed' };
  if (numbers.length === 1 && numbers[0] === 0) return { kind: 'answered', chosenOptionIds: [] };
  const count = poll.options.length;
  if (numbers.length === 0 || numbers.some((n) => n < 1 || n > count)) return { kind: 'numbers', count };
  return { kind: 'answered', chosenOptionIds: numbers.map((n) => poll.options[n - 1]!.optionId) };
}
