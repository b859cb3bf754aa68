import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { GroupPlacement, Search } from './search';

/** Node budget of one group placement inside a move. */
const MOVE_NODES = 300;
/** Node budget when two groups are placed jointly. */
const PAIR_NODES = 3000;
/** At most this many other groups are taken out with the one being improved. */
const MAX_EJECTED = 6;

interface Booking {
  session: number;
  start: number;
  venue: number;
}

/**
 * Large-neighbourhood search over groups. Each group's best placement on its own (only the
 * fixed sessions booked) is known; a group that falls short of it (weight left out, or
 * later starts) is taken out together with the groups whose bookings stand in the way of
 * that best placement (or, now and then, other groups sharing its people), put back first,
 * and the others put back after it in random order. The move is kept when the plan is no
 * worse by the objective (equal plans are kept too, to drift across plateaus), otherwise
 * undone. It stops when every group has its own best placement (the plan is then optimal),
 * when moves stop paying, at the deadline, or after maxIterations moves.
 */
export class Improver {
  private readonly rng: RandomGenerator;
  private readonly neighbours: number[][];

  constructor(
    private readonly search: Search,
    private readonly ideal: GroupPlacement[],
    seed: number,
  ) {
    this.rng = xoroshiro128plus(seed);
    this.neighbours = search.groupsSharingPeople();
  }

  run(deadline: number, maxIterations: number): number {
    const { search } = this;
    const groups = search.world.groups;
    let stale = 0;
    let iteration = 0;
    let pending: number[] = [];
    while (iteration < maxIterations) {
      if ((iteration & 7) === 0 && performance.now() > deadline) break;
      if (pending.length === 0) {
        pending = this.shortfalls();
        if (pending.length === 0) break;
        if (stale > 4 * groups.length + 200) break;
      }
      const g = pending.splice(uniformInt(this.rng, 0, pending.length - 1), 1)[0];
      if (this.regret(g) <= 0) continue;
      iteration++;
      stale = this.move(g, this.search.groupScore(g).lost > this.ideal[g].lost) ? 0 : stale + 1;
      if (process.env.TRACE && stale === 0) console.error(iteration, Math.round(performance.now()), this.search.table.weight, this.search.table.delay * 0.25);
    }
    if (process.env.TRACE) console.error('iterations', iteration, 'stale', stale);
    if (process.env.TRACE) console.error('regrets', this.search.world.groups.map((_, g) => [g, this.search.groupScore(g), this.ideal[g].lost, this.ideal[g].delay]).filter(([g]) => this.regret(g as number) > 0).map((x) => JSON.stringify(x)).join(' '));
    return iteration;
  }

  /** Groups below their own best, those leaving weight out first. */
  private shortfalls(): number[] {
    const groups = this.search.world.groups.map((_, g) => g);
    const losing = groups.filter((g) => this.search.groupScore(g).lost > this.ideal[g].lost);
    return losing.length > 0 ? losing : groups.filter((g) => this.regret(g) > 0);
  }

  private regret(g: number): number {
    const now = this.search.groupScore(g);
    const best = this.ideal[g];
    return now.lost !== best.lost ? now.lost - best.lost : now.delay - best.delay;
  }

  /** One move around group g; true when it made the plan strictly better. */
  private move(g: number, repairing: boolean): boolean {
    const { search } = this;
    const table = search.table;
    const ejected = this.pickEjected(g);
    const together = ejected.length > 0 && uniformInt(this.rng, 0, 2) === 0;
    const touched = [g, ...(together ? ejected.slice(0, 1) : ejected)];
    const weight = table.weight;
    const delay = table.delay;
    const saved = touched.flatMap((h) => this.takeOut(h));
    if (together) {
      search.placeGroupsTogether(touched, PAIR_NODES);
    } else {
      search.placeGroup(g, MOVE_NODES);
      for (const h of ejected) search.placeGroup(h, MOVE_NODES);
    }
    if (table.weight > weight || (table.weight === weight && (repairing || table.delay <= delay))) {
      return table.weight > weight || table.delay < delay;
    }
    for (const h of touched) this.takeOut(h);
    for (const b of saved) table.place(b.session, b.start, b.venue);
    return false;
  }

  /** The groups whose bookings stand in the way of g's own best placement, in random order. */
  private pickEjected(g: number): number[] {
    const { search } = this;
    const world = search.world;
    const found = new Set<number>();
    const best = this.ideal[g];
    if (uniformInt(this.rng, 0, 9) > 0) {
      world.groups[g].forEach((s, k) => {
        if (world.sessions[s].fixed || best.start[k] < 0) return;
        for (const clash of search.table.clashes(s, best.start[k], best.venue[k])) {
          const other = world.sessions[clash.other];
          if (other.group !== g && !other.fixed) found.add(other.group);
        }
      });
    } else {
      for (const h of this.neighbours[g]) if (uniformInt(this.rng, 0, 2) === 0) found.add(h);
    }
    const list = [...found];
    for (let i = list.length - 1; i > 0; i--) {
      const j = uniformInt(this.rng, 0, i);
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list.slice(0, MAX_EJECTED);
  }

  /** Removes the group's placed sessions that are not fixed; returns what they were. */
  private takeOut(g: number): Booking[] {
    const { search } = this;
    const table = search.table;
    const out: Booking[] = [];
    for (const s of search.world.groups[g]) {
      if (search.world.sessions[s].fixed || !table.isPlaced(s)) continue;
      out.push({ session: s, start: table.start[s], venue: table.venue[s] });
      table.remove(s);
    }
    return out;
  }
}
