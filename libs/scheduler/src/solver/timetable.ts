import { Agenda } from './agenda';
import { Domain } from './domain';
import { World } from './world';

export const UNPLACED = -1;

export type ClashRule = 'venue' | 'overlap' | 'travel' | 'separation' | 'daily limit';

/** A booking that stops a placement: which session, by which rule, through which attendee. */
export interface Clash {
  other: number;
  /** A slot before which this booking keeps stopping the session (at this venue). */
  until: number;
  rule: ClashRule;
  /** The attendee concerned; -1 for the venue itself. */
  person: number;
}

/** A (start, venue) option for one session. */
export interface Slot {
  start: number;
  venue: number;
}

/** A Slot with the index of its venue among the session's options. */
export interface Fit extends Slot {
  option: number;
}

/** Where to look for the option after `fit`: the next venue at the same start, else the next start. */
export function after(fit: Fit, venueCount: number): { start: number; option: number } {
  return fit.option + 1 < venueCount ? { start: fit.start, option: fit.option + 1 } : { start: fit.start + 1, option: 0 };
}

/**
 * What is booked: each session's start and venue, with an agenda per person and per venue and
 * session counts per person and day, so that a placement is tested against the rules that
 * involve other sessions (overlap, travel, separations, daily limits, venue use) by looking
 * only at the bookings near it. Static rules (availability, window, venue fit) are the
 * Domain's; a placement is expected to come from the session's domain.
 */
export class Timetable {
  readonly start: Int32Array;
  readonly venue: Int32Array;
  private readonly personAgenda: Agenda[];
  private readonly venueAgenda: Agenda[];
  private readonly dayCount: Uint16Array;
  private readonly dayCountStride: number;
  /** Sum of priority over placed sessions. */
  weight = 0;
  /** Sum of priority × start slot over placed sessions. */
  delay = 0;

  constructor(private readonly world: World) {
    const n = world.sessions.length;
    this.start = new Int32Array(n).fill(UNPLACED);
    this.venue = new Int32Array(n).fill(UNPLACED);
    this.personAgenda = world.people.map(() => new Agenda(this.start));
    this.venueAgenda = world.venues.map(() => new Agenda(this.start));
    this.dayCountStride = world.calendar.dayStart.length;
    this.dayCount = new Uint16Array(world.people.length * this.dayCountStride);
  }

  isPlaced(s: number): boolean {
    return this.start[s] !== UNPLACED;
  }

  place(s: number, start: number, venue: number): void {
    const session = this.world.sessions[s];
    this.start[s] = start;
    this.venue[s] = venue;
    const day = this.world.calendar.dayOfSlot[start];
    for (const p of session.attendees) {
      this.personAgenda[p].add(s);
      this.dayCount[p * this.dayCountStride + day]++;
    }
    if (!this.world.venues[venue].remote) this.venueAgenda[venue].add(s);
    this.weight += session.priority;
    this.delay += session.priority * start;
  }

  remove(s: number): void {
    const start = this.start[s];
    if (start === UNPLACED) return;
    const session = this.world.sessions[s];
    const venue = this.venue[s];
    const day = this.world.calendar.dayOfSlot[start];
    for (const p of session.attendees) {
      this.personAgenda[p].remove(s);
      this.dayCount[p * this.dayCountStride + day]--;
    }
    if (!this.world.venues[venue].remote) this.venueAgenda[venue].remove(s);
    this.weight -= session.priority;
    this.delay -= session.priority * start;
    this.start[s] = UNPLACED;
    this.venue[s] = UNPLACED;
  }

  /**
   * Whether session s can take (t, v) given the bookings: -1 when it can, otherwise a slot
   * after t before which it cannot (at this venue), so a search for the earliest fit can jump.
   */
  check(s: number, t: number, v: number, ignoring = -1): number {
    return this.scan(s, t, v, ignoring, null);
  }

  /** Every booking that stops s from taking (t, v), with the rule and person involved. */
  clashes(s: number, t: number, v: number, ignoring = -1): Clash[] {
    const found: Clash[] = [];
    this.scan(s, t, v, ignoring, found);
    return found;
  }

  /**
   * Looks for bookings that stop s from taking (t, v): without `found`, returns at the first
   * with its `until` (-1 when there is none); with it, collects them all. `ignoring` is an
   * attendee left out (to find what would be possible without them). The hottest code of
   * the solver, hence no callbacks.
   */
  private scan(s: number, t: number, v: number, ignoring: number, found: Clash[] | null): number {
    const world = this.world;
    const sessions = world.sessions;
    const session = sessions[s];
    const end = t + session.duration;
    const remote = world.venues[v].remote;
    const reach = world.maxDuration;
    if (!remote) {
      const agenda = this.venueAgenda[v];
      for (let i = agenda.from(t - reach); i < agenda.items.length; i++) {
        const j = agenda.items[i];
        const sj = this.start[j];
        if (sj >= end) break;
        const ej = sj + sessions[j].duration;
        if (j === s || ej <= t) continue;
        if (found === null) return ej;
        found.push({ other: j, until: ej, rule: 'venue', person: -1 });
      }
    }
    const day = world.calendar.dayOfSlot[t];
    // A booked session asked about again does not count against its own day.
    const ownToday = this.start[s] !== UNPLACED && world.calendar.dayOfSlot[this.start[s]] === day ? 1 : 0;
    for (const p of session.attendees) {
      if (p === ignoring) continue;
      const person = world.people[p];
      if (person.dailyLimit > 0 && this.dayCount[p * this.dayCountStride + day] - ownToday >= person.dailyLimit) {
        const until = world.calendar.dayStart[day + 1];
        if (found === null) return until;
        for (const j of this.sessionsOnDay(p, day)) {
          if (j !== s) found.push({ other: j, until, rule: 'daily limit', person: p });
        }
      }
      const agenda = this.personAgenda[p];
      const margin = world.maxTravel;
      for (let i = agenda.from(t - margin - reach); i < agenda.items.length; i++) {
        const j = agenda.items[i];
        const sj = this.start[j];
        if (sj >= end + margin) break;
        if (j === s) continue;
        const ej = sj + sessions[j].duration;
        const gap = sj >= end ? sj - end : t - ej;
        if (gap < 0) {
          if (found === null) return ej;
          found.push({ other: j, until: ej, rule: 'overlap', person: p });
          continue;
        }
        const travel = world.travelBetween(v, this.venue[j]);
        if (gap >= travel) continue;
        if (found === null) return ej + travel;
        found.push({ other: j, until: ej + travel, rule: 'travel', person: p });
      }
      if (remote) continue;
      for (const { other: q, gap: needed } of person.separations) {
        if (session.attendees.includes(q)) continue;
        const theirs = this.personAgenda[q];
        for (let i = theirs.from(t - needed - reach); i < theirs.items.length; i++) {
          const j = theirs.items[i];
          const sj = this.start[j];
          if (sj >= end + needed) break;
          if (j === s || this.venue[j] !== v || sessions[j].attendees.includes(p)) continue;
          const ej = sj + sessions[j].duration;
          const gap = sj >= end ? sj - end : t - ej;
          if (gap >= needed) continue;
          if (found === null) return ej + needed;
          found.push({ other: j, until: ej + needed, rule: 'separation', person: p });
        }
      }
    }
    return -1;
  }

  /** Sessions of person p starting on a day (for the daily limit). */
  private sessionsOnDay(p: number, day: number): number[] {
    const cal = this.world.calendar;
    return this.bookedBetween(p, cal.dayStart[day], cal.dayStart[day + 1]);
  }

  /** Sessions of person p starting in [from, to). */
  bookedBetween(p: number, from: number, to: number): number[] {
    const agenda = this.personAgenda[p];
    const out: number[] = [];
    for (let i = agenda.from(from); i < agenda.items.length && this.start[agenda.items[i]] < to; i++) {
      out.push(agenda.items[i]);
    }
    return out;
  }

  /**
   * The earliest (start, venue) in [from, to] from the session's domain that the bookings
   * allow, venues in the session's order of preference, or null.
   */
  earliestFit(s: number, domain: Domain, from: number, to: number): Slot | null {
    return this.fitFrom(s, domain, from, to, 0, -1);
  }

  /**
   * Like earliestFit, starting at venue option `firstOption` of start `from` (to list every
   * option in order) and leaving out attendee `ignoring` if given.
   */
  fitFrom(s: number, domain: Domain, from: number, to: number, firstOption: number, ignoring: number): Fit | null {
    const venues = this.world.sessions[s].venues;
    let t = domain.next(from);
    let option = t === from ? firstOption : 0;
    while (t <= to) {
      const open = domain.venuesAt(t);
      let next = domain.runEnd(t);
      for (let i = option; i < venues.length; i++) {
        if ((open & (1 << i)) === 0) continue;
        const jump = this.check(s, t, venues[i], ignoring);
        if (jump < 0) return { start: t, venue: venues[i], option: i };
        if (jump < next) next = jump;
      }
      // A later option at this start was not tried: come back for it at t + 1 at the latest.
      if (option > 0) next = Math.min(next, t + 1);
      option = 0;
      t = domain.next(next);
    }
    return null;
  }
}
