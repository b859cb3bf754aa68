import type { PartyRole, SessionKind } from '#contracts';
import type { AfterRule } from '#scheduler';

export interface ChainSettings {
  conferenceAfterPreparationMinHours: number;
  followUpMinDays: number;
  followUpMaxDays: number;
}

/** An earlier session of the same case, as the chain rules see it. */
export interface EarlierSession {
  id: string;
  kind: SessionKind;
  /** For a one-party session, whose side it is on. */
  side: PartyRole | null;
  requestedAt: Date;
  cancelled: boolean;
}

/**
 * The sessions a new one must follow, with their gaps: a conference comes after both parties'
 * last preparation (at least a day later by default); a follow-up 2 to 7 days after the
 * conference. Every other kind follows nothing.
 */
export function chainRulesFor(kind: SessionKind, earlier: readonly EarlierSession[], settings: ChainSettings): AfterRule[] {
  const latest = (matches: (s: EarlierSession) => boolean): EarlierSession | undefined =>
    earlier
      .filter((s) => !s.cancelled && matches(s))
      .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime())
      .at(-1);
  if (kind === 'conference') {
    return (['person-harmed', 'person-responsible'] as const)
      .map((side) => latest((s) => s.kind === 'preparation' && s.side === side))
      .filter((s): s is EarlierSession => s !== undefined)
      .map((s) => ({ session: s.id, minGapMinutes: settings.conferenceAfterPreparationMinHours * 60 }));
  }
  if (kind === 'follow-up') {
    const conference = latest((s) => s.kind === 'conference');
    return conference
      ? [{ session: conference.id, minGapMinutes: settings.followUpMinDays * 1440, maxGapMinutes: settings.followUpMaxDays * 1440 }]
      : [];
  }
  return [];
}

/** A booked neighbour in the chain: where it is, and the rule that ties it to the session. */
export interface ChainNeighbour {
  startsAt: Date;
  endsAt: Date;
  rule: AfterRule;
}

/**
 * The window the chain leaves a session of `durationMinutes`, from its booked predecessors
 * (it starts at least minGap and at most maxGap after each ends) and its booked successors
 * (it ends early enough, and not too early, for each of them).
 */
export function chainWindow(
  durationMinutes: number,
  predecessors: readonly ChainNeighbour[],
  successors: readonly ChainNeighbour[],
): { notBefore: number | null; notAfter: number | null } {
  const minute = 60_000;
  const duration = durationMinutes * minute;
  const starts: number[] = [];
  const ends: number[] = [];
  for (const p of predecessors) {
    starts.push(p.endsAt.getTime() + (p.rule.minGapMinutes ?? 0) * minute);
    if (p.rule.maxGapMinutes !== undefined) ends.push(p.endsAt.getTime() + p.rule.maxGapMinutes * minute + duration);
  }
  for (const s of successors) {
    ends.push(s.startsAt.getTime() - (s.rule.minGapMinutes ?? 0) * minute);
    if (s.rule.maxGapMinutes !== undefined) starts.push(s.startsAt.getTime() - s.rule.maxGapMinutes * minute - duration);
  }
  return {
    notBefore: starts.length > 0 ? Math.max(...starts) : null,
    notAfter: ends.length > 0 ? Math.min(...ends) : null,
  };
}
