/** What a send job asks of its queue: nothing more, or to run again at a time (quiet hours, rate, doubt). */
export type JobOutcome = { kind: 'done' } | { kind: 'later'; at: Date };

export const DONE: JobOutcome = { kind: 'done' };

export function later(at: Date): JobOutcome {
  return { kind: 'later', at };
}
