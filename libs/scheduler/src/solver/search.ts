import { Domain, staticDomain } from './domain';
import { GroupSearch } from './group-search';
import { Timetable } from './timetable';
import { World } from './world';

/** Node budget of one group placement while building the first plan. */
const CONSTRUCTION_NODES = 2000;

/**
 * The solver's state and moves: the timetable, each session's static domain, and the
 * placement of whole groups; `construct` builds a first plan, `improve` refines it.
 */
export class Search {
  readonly table: Timetable;
  readonly domains: Domain[];
  /** 1 for sessions no plan can hold: caught in an `after` cycle, no slot, or such a predecessor. */
  readonly unplaceable: Uint8Array;
  private readonly groupSearch: GroupSearch;

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
    this.groupSearch = new GroupSearch(world, this.table, this.domains, this.unplaceable);
  }

  /** Groups with sessions to place, most constrained first: fewest possible starts, then most weight. */
  private constructionOrder(): number[] {
    const { world } = this;
    const key = world.groups.map((members) => {
      let tightest = Infinity;
      let weight = 0;
      for (const s of members) {
        if (world.sessions[s].fixed || this.unplaceable[s]) continue;
        tightest = Math.min(tightest, this.domains[s].size);
        weight += world.sessions[s].priority;
      }
      return { tightest, weight };
    });
    return world.groups
      .map((_, g) => g)
      .filter((g) => key[g].weight > 0)
      .sort((a, b) => key[a].tightest - key[b].tightest || key[b].weight - key[a].weight || a - b);
  }

  construct(deadline: number): void {
    for (const g of this.constructionOrder()) {
      if (performance.now() > deadline) return;
      this.groupSearch.place(this.world.groups[g], CONSTRUCTION_NODES);
    }
  }

  improve(deadline: number, maxIterations: number, seed: number): void {
    void deadline;
    void maxIterations;
    void seed;
  }
}
