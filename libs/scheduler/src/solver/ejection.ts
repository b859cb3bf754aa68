import { GapNetwork, narrowByGaps } from './gaps';
import { bookedWindow } from './near-miss';
import { GroupPlacement, Search } from './search';
import { UNPLACED } from './timetable';

/** Node budget of an ejected group's re-placement. */
const REPLACE_NODES = 300;
/** Cheapest options of a session tried before one is chosen. */
const LOOKAHEAD = 8;
/** Groups one chain may work through before it is judged. */
const CHAIN_STEPS = 24;
/** Chains during which a session a chain inserted costs more to eject again. */
const TABU_TENURE = 40;
/** Extra cost of ejecting a session in its tabu tenure (a conference weighs 3). */
const TABU_COST = 20;
/** Starts under which a session's ejection cost grows. */
const SCARCITY = 16;

interface Ejection {
  sessions: number[];
  cost: number;
}

/** A missing session (-1 for none) and the window its group leaves it. */
interface Missing {
  session: number;
  from: number;
  to: number;
}

interface Insertion extends Ejection {
  session: number;
  start: number;
  venue: number;
}


/**
 * Ejection chains: a group that leaves weight out (beyond its own best) gets its missing
 * sessions, the one with the fewest possible starts first, each inside the window the
 * group's gap rules leave it, at the option that serves the plan best among those that eject
 * the least from it — the sessions in the way and what must follow them, weighed by their
 * priority and scarcity of starts. The groups it displaced are put back where the bookings
 * allow, and those that cannot be become the next links of the chain. When the group as it
 * stands leaves no room, all of it is placed afresh the same way, or else at its own best
 * placement. Sessions a chain inserted are not ejected again by it, and for a while after,
 * other chains pay extra to eject them, so the search does not go round in circles.
 * A chain stops at its best point, and is undone when that is where it began.
 */
export class EjectionChains {
  /** Every change of the current chain as (session, previous start, previous venue). */
  private readonly journal: number[] = [];
  /** Inserted by the current chain: not ejected again by it. */
  private readonly pinned: Uint8Array;
  private readonly pinnedList: number[] = [];
  /** The chain that last inserted each session. */
  private readonly insertedBy: Int32Array;
  private chains = 0;
  /** What ejecting each session costs: its weight, more when it has few possible starts. */
  private readonly scarcity: number[];
  /** The group being inserted, its windows narrowed by its domains and gap rules. */
  private readonly network: GapNetwork;
  private target: Uint8Array;

  constructor(
    private readonly search: Search,
    private readonly ideal: GroupPlacement[],
    /** A uniform random integer below n (seeded by the caller). */
    private readonly random: (n: number) => number,
  ) {
    const { world, domains, table } = search;
    const n = world.sessions.length;
    this.pinned = new Uint8Array(n);
    this.insertedBy = new Int32Array(n).fill(-TABU_TENURE);
    this.scarcity = world.sessions.map((s) => s.priority * (1 + SCARCITY / Math.max(1, domains[s.index].size)));
    this.target = new Uint8Array(0);
    this.network = {
      members: [],
      position: new Int32Array(n),
      active: (k) => this.target[k] === 1 || table.isPlaced(this.network.members[k]),
      placed: (k) => table.isPlaced(this.network.members[k]),
      earliest: (k, t) => domains[this.network.members[k]].next(t),
      latest: (k, t) => domains[this.network.members[k]].prev(t),
    };
  }

  /** Group g leaves out more weight than it has to. */
  losing(g: number): boolean {
    return this.search.groupScore(g).lost > this.ideal[g].lost;
  }

  /**
   * One chain from group g. It ends at its best point: the most weight, and among equals the
   * furthest along when `wander` (so a loss can travel to a group that can make it up), else
   * the earliest plan; undone when that is where it began. Returns the groups it changed.
   */
  run(g: number, wander: boolean): Set<number> {
    const table = this.search.table;
    this.chains++;
    const queue = [g];
    let best = { weight: table.weight, delay: table.delay, mark: 0 };
    for (let step = 0; step < CHAIN_STEPS && queue.length > 0; step++) {
      const h = queue.shift()!;
      if (!this.losing(h)) continue;
      for (const k of this.insert(h)) if (this.losing(k) && !queue.includes(k)) queue.push(k);
      const better = table.weight > best.weight || (table.weight === best.weight && (wander || table.delay < best.delay));
      if (better) best = { weight: table.weight, delay: table.delay, mark: this.journal.length };
    }
    for (const s of this.pinnedList) this.pinned[s] = 0;
    this.pinnedList.length = 0;
    this.rollback(best.mark);
    const changed = new Set<number>();
    for (let i = 0; i < this.journal.length; i += 3) changed.add(this.search.world.sessions[this.journal[i]].group);
    this.journal.length = 0;
    return changed;
  }

  /** 1 for each member of g that is not placed but g's own best placement has. */
  private missing(g: number): Uint8Array {
    const { world, table } = this.search;
    const best = this.ideal[g];
    return Uint8Array.from(world.groups[g], (s, k) => (!table.isPlaced(s) && best.start[k] >= 0 ? 1 : 0));
  }

  /**
   * Inserts group h's missing sessions around the ones placed, or unless that loses nothing,
   * all of the group afresh if that leaves more weight; else the whole group at its own best
   * placement. Returns the other groups it displaced, already put back where the bookings allow.
   */
  private insert(h: number): Set<number> {
    const { world, table } = this.search;
    const whole = this.wholeWeight(h);
    const mark = this.journal.length;
    const around = new Set<number>();
    const aroundWorks = this.insertOpen(h, around);
    if (aroundWorks && table.weight >= whole) return around;
    const aroundWeight = aroundWorks ? table.weight : -Infinity;
    this.rollback(mark);
    const afresh = new Set<number>();
    for (const s of world.groups[h]) if (table.isPlaced(s) && this.movable(s)) this.remove(s);
    if (this.insertOpen(h, afresh) && table.weight >= aroundWeight) return afresh;
    this.rollback(mark);
    if (!aroundWorks) return this.moveToIdeal(h);
    around.clear();
    this.insertOpen(h, around);
    return around;
  }

  /**
   * Places h's missing sessions (those its own best placement has) one by one, the one with
   * the fewest starts left in its window first, each at its best option; false when one has none.
   */
  private insertOpen(h: number, displaced: Set<number>): boolean {
    for (;;) {
      const next = this.mostConstrained(h);
      if (next === null) return false;
      if (next.session < 0) return true;
      if (!this.insertBest(next, displaced)) return false;
    }
  }

  /** Start windows of h's members from their domains and the gap rules; null when one is empty. */
  private windows(h: number): { es: number[]; ls: number[] } | null {
    const { world, table, domains } = this.search;
    const net = this.network;
    const members = world.groups[h];
    net.members = members;
    members.forEach((s, k) => (net.position[s] = k));
    const es = members.map((s) => (table.isPlaced(s) ? table.start[s] : domains[s].first));
    const ls = members.map((s) => (table.isPlaced(s) ? table.start[s] : domains[s].last));
    if (members.some((_, k) => this.target[k] === 1 && es[k] > ls[k])) return null;
    return narrowByGaps(world, net, es, ls) ? { es, ls } : null;
  }
  /** h's missing session with the fewest starts left in its window, or null when a window is empty. */
  private mostConstrained(h: number): Missing | null {
    const { world, domains } = this.search;
    this.target = this.missing(h);
    const windows = this.windows(h);
    if (windows === null) return null;
    let found = { session: -1, from: 0, to: -1 };
    let fewest = Infinity;
    world.groups[h].forEach((s, k) => {
      if (this.target[k] === 0) return;
      const starts = domains[s].countIn(windows.es[k], windows.ls[k]);
      if (starts < fewest) [found, fewest] = [{ session: s, from: windows.es[k], to: windows.ls[k] }, starts];
    });
    return found;
  }

  /**
   * Places a missing session at the best of its cheapest options: each is tried (what is in
   * the way ejected, the displaced groups put back) and judged by the plan's weight after it;
   * the first that loses nothing is taken at once. False when no option works.
   */
  private insertBest(next: Missing, displaced: Set<number>): boolean {
    const { world, table } = this.search;
    const s = next.session;
    const options = this.tried(s, this.insertions(s, next.from, next.to).sort(byCost));
    const whole = table.weight + world.sessions[s].priority;
    let best = -1;
    let bestWeight = -Infinity;
    // Among options that leave the same weight, one at random: the next chain may try another.
    let ties = 0;
    for (let i = 0; i < options.length; i++) {
      const mark = this.journal.length;
      const moved = new Set<number>();
      const works = this.tryOption(options[i], moved);
      if (works && table.weight >= whole) {
        for (const k of moved) displaced.add(k);
        return true;
      }
      if (works && table.weight > bestWeight) [best, bestWeight, ties] = [i, table.weight, 1];
      else if (works && table.weight === bestWeight && this.random(++ties) === 0) best = i;
      this.rollback(mark);
    }
    return best >= 0 && this.tryOption(options[best], displaced);
  }

  /** The plan's weight once h's missing sessions are placed (and nothing else lost). */
  private wholeWeight(h: number): number {
    const { world, table } = this.search;
    const missing = this.missing(h);
    return world.groups[h].reduce((sum, s, k) => sum + (missing[k] ? world.sessions[s].priority : 0), table.weight);
  }

  /**
   * The options to try, at most LOOKAHEAD: the cheapest few as they come (a start a little
   * later can leave room for the ejected), then the cheapest of each run of the domain and set
   * of sessions to eject not seen yet (others like them would leave the plan much the same).
   */
  private tried(s: number, options: Insertion[]): Insertion[] {
    const domain = this.search.domains[s];
    const seen = new Set<string>();
    const kept: Insertion[] = [];
    for (const option of options) {
      const key = `${domain.runEnd(option.start)}:${[...option.sessions].sort((a, b) => a - b).join(',')}`;
      if (kept.length < LOOKAHEAD / 2 || !seen.has(key)) kept.push(option);
      seen.add(key);
      if (kept.length === LOOKAHEAD) break;
    }
    return kept;
  }

  /** Places s at the option, puts back the groups it displaced and adds them to `displaced`. */
  private tryOption(option: Insertion, displaced: Set<number>): boolean {
    const moved = new Set<number>();
    if (!this.apply(option.session, option, moved)) return false;
    for (const k of moved) {
      this.replace(k);
      displaced.add(k);
    }
    return true;
  }

  /** Every option for s starting in [from, to], with its ejection. */
  private insertions(s: number, from: number, to: number): Insertion[] {
    const { world, domains } = this.search;
    const session = world.sessions[s];
    const domain = domains[s];
    const found: Insertion[] = [];
    for (let t = domain.next(Math.max(0, from)); t <= to; t = domain.next(t + 1)) {
      const open = domain.venuesAt(t);
      for (let i = 0; i < session.venues.length; i++) {
        if ((open & (1 << i)) === 0) continue;
        const ejection = this.ejectionFor(s, t, session.venues[i]);
        if (ejection !== null) found.push({ ...ejection, session: s, start: t, venue: session.venues[i] });
      }
    }
    return found;
  }

  /**
   * The sessions to take out so that s can take (t, v), with their cost, or null when
   * something in the way cannot move (see movable) or belongs to s's own group.
   */
  private ejectionFor(s: number, t: number, v: number): Ejection | null {
    const { world, table } = this.search;
    const out = new Set<number>();
    const daily = new Map<number, number[]>();
    for (const clash of table.clashes(s, t, v)) {
      if (clash.rule === 'daily limit') {
        const list = daily.get(clash.person) ?? [];
        if (list.length === 0) daily.set(clash.person, list);
        list.push(clash.other);
      } else if (!this.ejectable(clash.other, s)) return null;
      else out.add(clash.other);
    }
    // A full day needs only enough of its sessions out, the cheapest.
    for (const [p, onDay] of daily) {
      let needed = onDay.length + 1 - world.people[p].dailyLimit - onDay.filter((x) => out.has(x)).length;
      const candidates = onDay.filter((x) => !out.has(x) && this.ejectable(x, s)).sort((a, b) => this.cost(a) - this.cost(b) || a - b);
      for (const x of candidates) {
        if (needed <= 0) break;
        out.add(x);
        needed--;
      }
      if (needed > 0) return null;
    }
    // What must follow an ejected session goes with it.
    for (const x of out) {
      for (const e of world.sessions[x].succs) {
        if (!table.isPlaced(e.other) || out.has(e.other)) continue;
        if (!this.ejectable(e.other, s)) return null;
        out.add(e.other);
      }
    }
    let cost = 0;
    for (const x of out) cost += this.cost(x);
    return { sessions: [...out], cost };
  }

  private ejectable(x: number, s: number): boolean {
    const world = this.search.world;
    return this.movable(x) && world.sessions[x].group !== world.sessions[s].group;
  }

  /**
   * Whether the chain may take s out: not one that stays (see Search.stays) or that this
   * chain inserted, and neither is anything placed after it (which would lose its predecessor).
   */
  private movable(s: number): boolean {
    const { world, table, stays } = this.search;
    if (stays[s] || this.pinned[s]) return false;
    return world.sessions[s].succs.every((e) => !table.isPlaced(e.other) || this.movable(e.other));
  }

  private cost(x: number): number {
    const recent = this.chains - this.insertedBy[x] < TABU_TENURE;
    return this.scarcity[x] + (recent ? TABU_COST : 0);
  }

  /**
   * Ejects what is in the way and places s (checked against the bookings and its placed
   * group neighbours); the ejected sessions' groups join `displaced`.
   */
  private apply(s: number, option: Insertion, displaced: Set<number>): boolean {
    const { world, table } = this.search;
    for (const x of option.sessions) {
      this.remove(x);
      displaced.add(world.sessions[x].group);
    }
    const window = bookedWindow(world, table, s);
    if (option.start < window.from || option.start > window.to || table.check(s, option.start, option.venue) >= 0) return false;
    this.place(s, option.start, option.venue);
    this.pinned[s] = 1;
    this.pinnedList.push(s);
    this.insertedBy[s] = this.chains;
    return true;
  }

  /** Takes group h out and puts it at its own best placement, ejecting what is in the way. */
  private moveToIdeal(h: number): Set<number> {
    const { world, table } = this.search;
    const members = world.groups[h];
    const best = this.ideal[h];
    const displaced = new Set<number>();
    for (const s of members) if (table.isPlaced(s) && this.movable(s)) this.remove(s);
    for (let k = 0; k < members.length; k++) {
      const s = members[k];
      if (best.start[k] < 0 || table.isPlaced(s)) continue;
      const ejection = this.ejectionFor(s, best.start[k], best.venue[k]);
      if (ejection === null || !this.apply(s, { ...ejection, session: s, start: best.start[k], venue: best.venue[k] }, displaced)) break;
    }
    for (const k of displaced) this.replace(k);
    return displaced;
  }

  /**
   * Puts back what group k's ejections left open, where the bookings now allow; when that
   * leaves weight out, the whole group is placed afresh, if that leaves out less.
   */
  private replace(k: number): void {
    const { world, table } = this.search;
    this.placeOpen(k);
    const lost = this.search.groupScore(k).lost;
    if (lost <= this.ideal[k].lost) return;
    const mark = this.journal.length;
    for (const s of world.groups[k]) if (table.isPlaced(s) && this.movable(s)) this.remove(s);
    this.placeOpen(k);
    if (this.search.groupScore(k).lost >= lost) this.rollback(mark);
  }

  /** Places group k's open sessions where the bookings allow (a group search). */
  private placeOpen(k: number): void {
    const table = this.search.table;
    const members = this.search.world.groups[k];
    const before = members.map((s) => table.start[s]);
    this.search.placeGroup(k, REPLACE_NODES);
    members.forEach((s, i) => {
      if (table.start[s] !== before[i]) this.journal.push(s, UNPLACED, UNPLACED);
    });
  }

  private remove(s: number): void {
    const table = this.search.table;
    this.journal.push(s, table.start[s], table.venue[s]);
    table.remove(s);
  }

  private place(s: number, start: number, venue: number): void {
    const table = this.search.table;
    this.journal.push(s, table.start[s], table.venue[s]);
    table.place(s, start, venue);
  }

  /** Undoes the chain's changes after the first `mark` journal entries. */
  private rollback(mark: number): void {
    const { table } = this.search;
    const log = this.journal;
    for (let i = log.length - 3; i >= mark; i -= 3) {
      table.remove(log[i]);
      if (log[i + 1] !== UNPLACED) table.place(log[i], log[i + 1], log[i + 2]);
    }
    log.length = mark;
  }
}

/** Cheapest first, earliest among equals. */
function byCost(a: Insertion, b: Insertion): number {
  return a.cost - b.cost || a.start - b.start;
}
