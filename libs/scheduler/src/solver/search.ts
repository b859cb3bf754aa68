import { Domain, staticDomain } from './domain';
import { GroupSearch } from './group-search';
import { Improver } from './improve';
import { Timetable } from './timetable';
import { World } from './world';

/** How good a group's placement is: weight left out, then priority × start slots. */
export interface GroupScore {
  lost: number;
  delay: number;
}

/** A group's placement, aligned with its members (-1 where left out). */
export interface GroupPlacement extends GroupScore {
  start: number[];
  venue: number[];
}

/** Node budget of one group placement while building the first plan. */
const CONSTRUCTION_NODES = Number(process.env.NODES ?? 2000);

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
    const order = world.groups
      .map((_, g) => g)
      .filter((g) => key[g].weight > 0);
    const mode = process.env.ORDER ?? 'tight';
    if (mode === 'tight') return order.sort((a, b) => key[a].tightest - key[b].tightest || key[b].weight - key[a].weight || a - b);
    if (mode === 'weight') return order.sort((a, b) => key[b].weight - key[a].weight || key[a].tightest - key[b].tightest || a - b);
    if (mode === 'index') return order;
    const ideal = this.isolatedOptima();
    if (mode === 'ideal') return order.sort((a, b) => ideal[a].delay / key[a].weight - ideal[b].delay / key[b].weight || a - b);
    if (mode === 'idealrev') return order.sort((a, b) => -ideal[a].delay / key[a].weight + ideal[b].delay / key[b].weight || a - b);
    return order.sort((a, b) => key[a].tightest / key[a].weight - key[b].tightest / key[b].weight || a - b);
  }

  construct(deadline: number): void {
    for (const g of this.constructionOrder()) {
      if (performance.now() > deadline) return;
      const n = this.groupSearch.place(this.world.groups[g], CONSTRUCTION_NODES);
      if (process.env.TRACE) console.error('construct', g, this.world.groups[g].map((s) => this.world.sessions[s].id + (this.table.isPlaced(s) ? '' : '!')).join(' '), n);
    }
  }

  /** Refines the plan until the deadline or maxIterations moves; returns the moves made. */
  improve(deadline: number, maxIterations: number, seed: number): number {
    if (performance.now() > deadline || maxIterations <= 0) return 0;
    return new Improver(this, this.isolatedOptima(), seed).run(deadline, maxIterations);
  }

  placeGroup(g: number, nodeLimit: number): void {
    this.groupSearch.place(this.world.groups[g], nodeLimit);
  }

  /** Places several groups jointly (the best combination, not one after the other). */
  placeGroupsTogether(groups: number[], nodeLimit: number): void {
    this.groupSearch.place(groups.flatMap((g) => this.world.groups[g]), nodeLimit);
  }

  /** The score of a group's sessions that the solver places (fixed ones never change). */
  groupScore(g: number): GroupScore {
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
   * for that group, so a plan where every group has it is optimal.
   */
  isolatedOptima(): GroupPlacement[] {
    const alone = new Timetable(this.world);
    for (const s of this.world.sessions) if (s.fixed) alone.place(s.index, s.fixed.start, s.fixed.venue);
    const search = new GroupSearch(this.world, alone, this.domains, this.unplaceable);
    return this.world.groups.map((members) => {
      search.place(members, CONSTRUCTION_NODES);
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

  /** For each group, the other groups with an attendee in common. */
  groupsSharingPeople(): number[][] {
    const byPerson = this.world.people.map(() => new Set<number>());
    for (const s of this.world.sessions) for (const p of s.attendees) byPerson[p].add(s.group);
    return this.world.groups.map((members, g) => {
      const found = new Set<number>();
      for (const s of members) for (const p of this.world.sessions[s].attendees) for (const h of byPerson[p]) found.add(h);
      found.delete(g);
      return [...found];
    });
  }
}
