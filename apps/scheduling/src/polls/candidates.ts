import type { Suggestion } from '#scheduler';

/**
 * Candidate times for a poll from the scheduler's options, earliest first, at least `gapMs`
 * apart, so a participant is offered a real choice rather than 10:00, 10:15 and 10:30.
 */
export function pickCandidates(options: readonly Suggestion[], count: number, gapMs: number): string[] {
  const picked: number[] = [];
  for (const option of options) {
    if (option.nearMiss) continue;
    const start = Date.parse(option.start);
    if (picked.every((p) => Math.abs(p - start) >= gapMs)) picked.push(start);
    if (picked.length === count) break;
  }
  return picked.map((start) => options.find((o) => Date.parse(o.start) === start)!.start);
}
