import { Domain, staticDomain } from './domain';
import { GroupSearch, Score } from './group-search';
import { Improver } from './improve';
import { Timetable } from './timetable';
import { World } from './world';

/** A group's placement, aligned with its members (-1 where left out). */
export interface GroupPlacement extends Score {
  start: number[];
  venue: number[];
}

/** Node budget of one group placement while building the first plan. */
const CONSTRUCTION_NODES = 2000;
/** Node budget for a group that leaves weight out even with nothing else booked. */
const ISOLATED_RETRY_NODES = 100_000;

/**
 * A group search's node budget: the usual one while time remains, after that just enough
 * for its first greedy dive, so that every group still gets a placement.
 */
function nodesUntil(deadline: number, members: readonly number[]): number {
  return performance.now() < deadline ? CONSTRUCTION_NODES : members.length;
}

/**
 * The solver's state and moves: the timetable, each session's static domain, and the
 * placement of whole groups; `construct` builds a first plan, `improve` refines it.
 */
export class Search {
  readonly table: Timetable;
  readonly domains: Domain[];
  /** 1 for sessions no plan can hold: caught in an `after` cycle, no slot, or such a predecessor. */
  readonly unplaceable: Uint8Array;
  /** 1 for fixed sessions and those a fixed session must follow: no move leaves them out, and only a joint re-placement (reoptimise) moves them. */
  readonly stays: Uint8Array;
  private readonly groupSearch: GroupSearch;
  /** Each group's best placement on its own (see isolatedOptima), set by construct. */
  private ideal: GroupPlacement[] = [];

  constructor(readonly world: World) {
    this.table = new Timetable(world);
    this.domains = world.sessions.map((s) => staticDomain(world, s));
    this.unplaceable = new Uint8Array(world.sessions.length);
    for (const group of world.groups) {
      for (const s of group) {
        const session = world.sessions[s];
        if (session.fixed) continue;
        if (world.cyclic.has(s) || this.domains[s].isEmpty || session.preds.some((e) => this.unplaceable[e.other])) {
          this.unplaceable[s] = 1;
        }
      }
    }
    this.stays = new Uint8Array(world.sessions.length);
    for (const group of world.groups) {
      for (const s of [...group].reverse()) {
        const session = world.sessions[s];
        if (session.fixed || session.succs.some((e) => this.stays[e.other])) this.stays[s] = 1;
      }
    }
    this.groupSearch = new GroupSearch(world, this.table, this.domains, this.unplaceable);
  }

  /**
   * Builds a first plan group by group, in the order of their own best placements' mean
   * start (priority-weighted): like booking a diary forwards, each group takes the earliest
   * room left after the groups that could start before it. Past the deadline each group
   * still gets a greedy placement.
   */
  construct(deadline: number): void {
    this.groupSearch.deadline = deadline;
    this.ideal = this.isolatedOptima(deadline);
    const weight = this.world.groups.map((members) =>
      members.reduce((sum, s) => sum + (this.world.sessions[s].fixed || this.unplaceable[s] ? 0 : this.world.sessions[s].priority), 0),
    );
    const meanStart = (g: number): number => this.ideal[g].delay / weight[g];
    const order = this.world.groups.map((_, g) => g).filter((g) => weight[g] > 0);
    order.sort((a, b) => meanStart(a) - meanStart(b) || a - b);
    for (const g of order) this.placeGroup(g, nodesUntil(deadline, this.world.groups[g]));
  }

  /** Refines the plan until the deadline or maxIterations moves; returns the moves made. */
  improve(deadline: number, maxIterations: number, seed: number): number {
    if (performance.now() > deadline || maxIterations <= 0) return 0;
    return new Improver(this, this.ideal, seed, deadline, maxIterations).run();
  }

  placeGroup(g: number, nodeLimit: number): void {
    this.groupSearch.place(this.world.groups[g], nodeLimit);
  }

  /** Places several groups jointly (the best combination, not one after the other). */
  placeGroupsTogether(groups: number[], nodeLimit: number): void {
    this.groupSearch.place(groups.flatMap((g) => this.world.groups[g]), nodeLimit);
  }

  /** The score of a group's sessions that the solver places (fixed ones never change). */
  groupScore(g: number): Score {
    let lost = 0;
    let delay = 0;
    for (const s of this.world.groups[g]) {
      const session = this.world.sessions[s];
      if (session.fixed || this.unplaceable[s]) continue;
      if (this.table.isPlaced(s)) delay += session.priority * this.table.start[s];
      else lost += session.priority;
    }
    return { lost, delay };
  }

  /**
   * Each group's best placement with only the fixed sessions booked: no plan does better
   * for that group, so a plan where every group has it is optimal. Past the deadline, each
   * is only a greedy placement (no longer a bound).
   */
  isolatedOptima(deadline = Infinity): GroupPlacement[] {
    const alone = new Timetable(this.world);
    for (const s of this.world.sessions) if (s.fixed) alone.place(s.index, s.fixed.start, s.fixed.venue);
    const search = new GroupSearch(this.world, alone, this.domains, this.unplaceable);
    search.deadline = deadline;
    return this.world.groups.map((members) => {
      search.place(members, nodesUntil(deadline, members));
      if (members.some((s) => !alone.isPlaced(s) && !this.unplaceable[s]) && performance.now() < deadline) {
        // Leaving weight out even alone is rare; make sure it is not for want of search.
        for (const s of members) if (!this.world.sessions[s].fixed) alone.remove(s);
        search.place(members, ISOLATED_RETRY_NODES);
      }
      const start = members.map((s) => (this.world.sessions[s].fixed ? -1 : alone.start[s]));
      const venue = members.map((s) => (this.world.sessions[s].fixed ? -1 : alone.venue[s]));
      let lost = 0;
      let delay = 0;
      members.forEach((s, k) => {
        const session = this.world.sessions[s];
        if (session.fixed || this.unplaceable[s]) return;
        if (start[k] >= 0) delay += session.priority * start[k];
        else lost += session.priority;
        if (start[k] >= 0) alone.remove(s);
      });
      return { lost, delay, start, venue };
    });
  }

  /**
   * Re-places the sessions of several groups jointly when a better combination than the
   * current one exists (within the node budget); true when it found one. Sessions that a
   * fixed one must follow may move here, but stay placed.
   */
  reoptimise(groups: number[], nodeLimit: number): boolean {
    const { world, table } = this;
    const members = groups.flatMap((g) => world.groups[g]);
    const movable = members.filter((s) => !world.sessions[s].fixed && !this.unplaceable[s]);
    const kept = new Set(movable.filter((s) => this.stays[s] && table.isPlaced(s)));
    const saved = movable.filter((s) => table.isPlaced(s)).map((s) => ({ s, start: table.start[s], venue: table.venue[s] }));
    const incumbent = { lost: 0, delay: 0 };
    for (const s of movable) {
      const priority = world.sessions[s].priority;
      if (table.isPlaced(s)) incumbent.delay += priority * table.start[s];
      else incumbent.lost += priority;
    }
    // Current starts order the search (the gaps make that a topological order); sessions
    // left out go last, in their groups' order.
    const rank = (s: number): number => (table.isPlaced(s) ? table.start[s] : Infinity);
    const order = [...members].sort((a, b) => rank(a) - rank(b));
    for (const { s } of saved) table.remove(s);
    if (this.groupSearch.place(order, nodeLimit, incumbent, kept)) return true;
    for (const { s, start, venue } of saved) table.place(s, start, venue);
    return false;
  }

}
