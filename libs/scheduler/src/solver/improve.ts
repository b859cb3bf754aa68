import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { EjectionChains } from './ejection';
import { GroupPlacement, Search } from './search';

/** Node budget of one group placement inside an ejection move. */
const MOVE_NODES = 300;
/** Node budget when two groups are placed jointly. */
const PAIR_NODES = 1000;
/** Node budget when three groups are placed jointly. */
const TRIPLE_NODES = 1000;
/** At most this many other groups are taken out with the one being improved. */
const MAX_EJECTED = 6;
/** Ejection chains in a row without a gain in weight before moving on to earliness. */
const REPAIR_PATIENCE = 100;

interface Booking {
  session: number;
  start: number;
  venue: number;
}

/**
 * Large-neighbourhood search over groups, in two phases that follow the objective.
 *
 * Each group's best placement on its own (only the fixed sessions booked) is known. A group
 * that falls short of it is improved by ejection: it is taken out with the groups whose
 * bookings stand in the way of that best placement, put back first, and the others are put
 * back after it in random order.
 *
 * 1. Repair: groups that leave weight out get ejection moves, kept whenever no weight is lost
 *    (so the loss can travel to a group that can make it up).
 * 2. Earliness: for each group still short of its own best, an ejection move (kept when the
 *    plan is no worse), then a joint re-placement of the group with each group near it in
 *    time that shares a person or stands in its way: an exact search for the pair, with the
 *    current placement as the bound to beat. A pair already tried is tried again only after
 *    one of its two groups changed.
 *
 * It stops when every group has its own best placement (the plan is then optimal), when a
 * whole pass finds nothing better, at the deadline, or after maxIterations moves.
 */
export class Improver {
  private readonly rng: RandomGenerator;
  private readonly version: Int32Array;
  private readonly triedAt = new Map<string, number>();
  private iterations = 0;
  private readonly chains: EjectionChains;

  constructor(
    private readonly search: Search,
    private readonly ideal: GroupPlacement[],
    seed: number,
    private readonly deadline: number,
    private readonly maxIterations: number,
  ) {
    this.rng = xoroshiro128plus(seed);
    this.version = new Int32Array(search.world.groups.length);
    this.chains = new EjectionChains(search, ideal, (n) => uniformInt(this.rng, 0, n - 1));
  }

  run(): number {
    this.repair(true);
    do {
      for (let improved = true; improved; ) {
        improved = false;
        for (const g of this.shortfalls()) {
          if (this.regret(g) <= 0) continue;
          if (this.outOfBudget()) return this.iterations;
          if (this.eject(g)) improved = true;
          for (const h of this.shuffled(this.related(g))) {
            if (this.regret(g) <= 0 || this.outOfBudget()) break;
            if (this.together([g, h], PAIR_NODES)) improved = true;
          }
        }
        // The pass moved groups: chains may now find room for what is still left out.
        if (this.repair(false)) improved = true;
      }
    } while (this.someTripleImproves());
    return this.iterations;
  }

  /**
   * Ejection chains from groups that leave weight out, picked at random, until
   * REPAIR_PATIENCE in a row gain no weight; true when weight was gained. Chains may wander
   * (keep a plan of equal weight whatever its delay) only in the first repair: later ones
   * would undo what the earliness passes gained.
   */
  private repair(wander: boolean): boolean {
    const table = this.search.table;
    const start = table.weight;
    for (let idle = 0; idle < REPAIR_PATIENCE && !this.outOfBudget(); ) {
      const losing = this.groups().filter((g) => this.chains.losing(g));
      if (losing.length === 0) break;
      const weight = table.weight;
      this.iterations++;
      this.changed([...this.chains.run(losing[uniformInt(this.rng, 0, losing.length - 1)], wander)]);
      idle = table.weight > weight ? 0 : idle + 1;
    }
    return table.weight > start;
  }

  /** Joint re-placement of a group with two groups related to it, until one pays. */
  private someTripleImproves(): boolean {
    for (const g of this.shortfalls()) {
      const related = this.shuffled(this.related(g));
      for (let i = 0; i < related.length; i++) {
        for (let j = i + 1; j < related.length; j++) {
          if (this.outOfBudget()) return false;
          if (this.together([g, related[i], related[j]], TRIPLE_NODES)) return true;
        }
      }
    }
    return false;
  }

  /** Groups short of their own best in random order, those leaving weight out first. */
  private shortfalls(): number[] {
    const short = this.shuffled(this.groups().filter((h) => this.regret(h) > 0));
    return [...short.filter((g) => this.chains.losing(g)), ...short.filter((g) => !this.chains.losing(g))];
  }

  private outOfBudget(): boolean {
    return this.iterations >= this.maxIterations || performance.now() > this.deadline;
  }

  private groups(): number[] {
    return this.search.world.groups.map((_, g) => g);
  }

  /** How far group g is from its own best: weight left out first, then delay. */
  private regret(g: number): number {
    const now = this.search.groupScore(g);
    const best = this.ideal[g];
    return now.lost !== best.lost ? (now.lost - best.lost) * 1e9 : now.delay - best.delay;
  }

  /** Joint re-placement of a few groups, when not tried since one of them changed. */
  private together(groups: number[], nodeLimit: number): boolean {
    const key = [...groups].sort((x, y) => x - y).join(',');
    const stamp = groups.reduce((sum, g) => sum + this.version[g], 0);
    if (this.triedAt.get(key) === stamp) return false;
    this.iterations++;
    const better = this.search.reoptimise(groups, nodeLimit);
    if (better) this.changed(groups);
    this.triedAt.set(key, stamp + (better ? groups.length : 0));
    return better;
  }

  private changed(groups: number[]): void {
    for (const g of groups) this.version[g]++;
  }

  /**
   * Groups that share a person with g around the times g has or wants (its current and its
   * own best starts, a day either side), and groups in the way of its own best placement.
   */
  private related(g: number): number[] {
    const { search } = this;
    const world = search.world;
    const table = search.table;
    const day = Math.round(1440 / world.calendar.slotMinutes);
    const found = new Set<number>(this.inTheWay(g));
    world.groups[g].forEach((s, k) => {
      const session = world.sessions[s];
      const wanted = this.ideal[g].start[k];
      const now = table.isPlaced(s) ? table.start[s] : wanted;
      if (wanted < 0 && now < 0) return;
      const from = Math.min(wanted < 0 ? now : wanted, now) - day;
      const to = Math.max(wanted, now) + session.duration + day;
      for (const p of session.attendees) {
        for (const other of table.bookedBetween(p, from, to)) {
          if (!world.sessions[other].fixed) found.add(world.sessions[other].group);
        }
      }
    });
    found.delete(g);
    return [...found];
  }

  /** The groups whose bookings stand in the way of g's own best placement. */
  private inTheWay(g: number): number[] {
    const { search } = this;
    const world = search.world;
    const best = this.ideal[g];
    const found = new Set<number>();
    world.groups[g].forEach((s, k) => {
      if (world.sessions[s].fixed || best.start[k] < 0) return;
      for (const clash of search.table.clashes(s, best.start[k], best.venue[k])) {
        const other = world.sessions[clash.other];
        if (other.group !== g && !other.fixed) found.add(other.group);
      }
    });
    return [...found];
  }

  /**
   * Takes g out with (some of) the groups in its way, puts g back first and them after;
   * keeps the result when no weight is lost and the delay is no worse. True when the plan
   * got strictly better.
   */
  private eject(g: number): boolean {
    const { search } = this;
    const table = search.table;
    this.iterations++;
    const ejected = this.shuffled(this.inTheWay(g)).slice(0, MAX_EJECTED);
    const touched = [g, ...ejected];
    const weight = table.weight;
    const delay = table.delay;
    const saved = touched.flatMap((h) => this.takeOut(h));
    for (const h of touched) search.placeGroup(h, MOVE_NODES);
    if (table.weight > weight || (table.weight === weight && table.delay <= delay)) {
      this.changed(touched);
      return table.weight > weight || table.delay < delay;
    }
    for (const h of touched) this.takeOut(h);
    for (const b of saved) table.place(b.session, b.start, b.venue);
    return false;
  }

  /** Removes the group's placed sessions that can move; returns what they were. */
  private takeOut(g: number): Booking[] {
    const { search } = this;
    const table = search.table;
    const out: Booking[] = [];
    for (const s of search.world.groups[g]) {
      if (search.stays[s] || !table.isPlaced(s)) continue;
      out.push({ session: s, start: table.start[s], venue: table.venue[s] });
      table.remove(s);
    }
    return out;
  }

  private shuffled(list: number[]): number[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = uniformInt(this.rng, 0, i);
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  }
}
