import { Domain } from './domain';
import { GapNetwork, narrowByGaps } from './gaps';
import { after, Timetable } from './timetable';
import { World } from './world';

const OPEN = 0;
const PLACED = 1;
const SKIPPED = 2;
/** Open sessions up to which the weight a node must lose is bounded exactly (see leastLoss). */
const EXACT_LOSS_SESSIONS = 8;

/** The objective of a group's placement: weight left out first, then priority × start slots. */
/** Earliest and latest starts of a search's members, by position. */
interface Windows {
  es: number[];
  ls: number[];
}

export interface Score {
  lost: number;
  delay: number;
}

function better(lost: number, delay: number, than: Score): boolean {
  return lost < than.lost || (lost === than.lost && delay < than.delay);
}

/**
 * Places one group (sessions linked by `after` rules: typically a case's preparations,
 * conference and follow-up) into the timetable as well as the bookings allow: most weight
 * first, then earliest. A depth-first branch and bound over the group's sessions in
 * topological order; at each node the windows of the sessions still open are narrowed by
 * propagating the gap rules both ways (a maximum gap pulls a predecessor later) and by
 * moving each earliest start to the first slot the bookings allow. The earliest starts give
 * a lower bound, and the start of each session is tried in increasing order, so the first
 * complete placement is usually already the best and the rest of the tree is cut.
 * A first greedy dive gives an answer even when the node budget runs out.
 */
export class GroupSearch {
  private members: readonly number[] = [];
  private state: number[] = [];
  private lost = 0;
  private delay = 0;
  private best: Score & { start: number[]; venue: number[] } = { lost: 0, delay: 0, start: [], venue: [] };
  private nodes = 0;
  private nodeLimit = 0;
  /** Past it, the search stops branching (the first greedy dive still completes). */
  deadline = Infinity;
  private branching = 1;
  /** Index of each member in `members` (only members' entries are meaningful). */
  private readonly position: Int32Array;
  /** The members' gap rules, windows narrowed through the bookings (see propagate). */
  private readonly network: GapNetwork;
  /** The windows' latest starts while propagating (the bookings are searched up to them). */
  private latestStarts: number[] = [];
  /** Sessions this search may move but not leave out (see place). */
  private kept: ReadonlySet<number> = new Set();

  constructor(
    private readonly world: World,
    private readonly table: Timetable,
    private readonly domains: readonly Domain[],
    /** Sessions that can never be placed (a cycle, no possible slot, a predecessor of that kind). */
    private readonly unplaceable: Uint8Array,
  ) {
    this.position = new Int32Array(world.sessions.length);
    this.network = {
      members: [],
      position: this.position,
      active: (k) => this.state[k] !== SKIPPED,
      placed: (k) => this.state[k] === PLACED,
      earliest: (k, t) => this.firstFit(k, t, this.latestStarts[k]),
      latest: (k, t) => this.domains[this.members[k]].prev(t),
    };
  }

  /**
   * Places what it can of the sessions not booked yet, jointly: `members` is one group or
   * the concatenation of several, each in topological order. With an `incumbent` (the score
   * of a placement the caller holds for these sessions), it places them only if it finds
   * better, and says whether it did. Sessions in `kept` may move but are never left out.
   */
  place(members: readonly number[], nodeLimit: number, incumbent?: Score, kept: ReadonlySet<number> = new Set()): boolean {
    this.members = members;
    this.kept = kept;
    members.forEach((s, k) => (this.position[s] = k));
    this.state = members.map((s) => (this.table.isPlaced(s) ? PLACED : this.unplaceable[s] ? SKIPPED : OPEN));
    if (!this.state.includes(OPEN)) return false;
    this.lost = 0;
    this.delay = 0;
    this.best = { lost: incumbent?.lost ?? Infinity, delay: incumbent?.delay ?? Infinity, start: [], venue: [] };
    this.nodes = 0;
    this.nodeLimit = nodeLimit;
    if (!incumbent) {
      this.branching = 1;
      this.dfs(0, null);
    }
    this.branching = Infinity;
    this.dfs(0, null);
    if (this.best.start.length === 0) return false;
    members.forEach((s, k) => {
      if (this.state[k] === OPEN && this.best.start[k] >= 0) this.table.place(s, this.best.start[k], this.best.venue[k]);
    });
    return true;
  }

  /**
   * Decides the first open member from `from` on. `inherited` are the parent's windows: still
   * valid bounds after one more placement, so propagation resumes from them (after a session
   * is left out they no longer hold, and are recomputed).
   */
  private dfs(from: number, inherited: Windows | null): void {
    const { members, state, world, table } = this;
    let k = from;
    while (k < members.length && state[k] !== OPEN) k++;
    if (k === members.length) {
      this.record();
      return;
    }
    const s = members[k];
    const session = world.sessions[s];
    if (session.preds.some((e) => state[this.position[e.other]] === SKIPPED)) {
      this.skip(k);
      return;
    }
    const es = inherited ? inherited.es.slice() : new Array<number>(members.length);
    const ls = inherited ? inherited.ls.slice() : new Array<number>(members.length);
    const consistent = this.propagate(es, ls, inherited !== null);
    let othersBound = 0;
    let lostBound = this.lost;
    if (consistent) {
      for (let j = k + 1; j < members.length; j++) {
        if (state[j] === OPEN) othersBound += world.sessions[members[j]].priority * es[j];
      }
      if (!better(lostBound, this.delay + session.priority * es[k] + othersBound, this.best)) return;
    } else {
      const least = this.leastLoss(this.best.lost - this.lost);
      lostBound += least.lost;
      if (!better(lostBound, this.delay + least.delay, this.best)) return;
      this.localWindow(k, es, ls);
    }
    let tried = 0;
    // Every (start, venue) in order: another venue at the same start can leave room for others.
    for (let cursor = { start: es[k], option: 0 }; cursor.start <= ls[k] && this.mayBranch(); ) {
      const fit = table.fitFrom(s, this.domains[s], cursor.start, ls[k], cursor.option, -1);
      if (!fit) break;
      if (!better(lostBound, this.delay + session.priority * fit.start + othersBound, this.best)) break;
      this.nodes++;
      tried++;
      table.place(s, fit.start, fit.venue);
      state[k] = PLACED;
      this.delay += session.priority * fit.start;
      this.dfs(k + 1, consistent ? { es, ls } : null);
      this.delay -= session.priority * fit.start;
      state[k] = OPEN;
      table.remove(s);
      if (tried >= this.branching) return;
      cursor = after(fit, session.venues.length);
    }
    if (this.mayBranch()) this.skip(k);
  }

  /** Within the node budget, and (checked every 256 nodes once past the first dive) the deadline. */
  private mayBranch(): boolean {
    if (this.nodes >= this.nodeLimit) return false;
    if (this.branching === 1 || (this.nodes & 255) !== 0 || performance.now() <= this.deadline) return true;
    this.nodeLimit = this.nodes;
    return false;
  }

  /** Leaves session k out, and with it every session that must follow it. */
  private skip(k: number): void {
    const { members, state, world } = this;
    const skipped: number[] = [];
    const visit = (j: number): void => {
      if (state[j] !== OPEN) return;
      state[j] = SKIPPED;
      skipped.push(j);
      for (const e of world.sessions[members[j]].succs) visit(this.position[e.other]);
    };
    visit(k);
    if (skipped.some((j) => this.kept.has(members[j]))) {
      for (const j of skipped) state[j] = OPEN;
      return;
    }
    const weight = skipped.reduce((sum, j) => sum + world.sessions[members[j]].priority, 0);
    this.lost += weight;
    if (better(this.lost, this.delay, this.best)) this.dfs(k + 1, null);
    this.lost -= weight;
    for (const j of skipped) state[j] = OPEN;
  }

  private record(): void {
    if (!better(this.lost, this.delay, this.best)) return;
    this.best.lost = this.lost;
    this.best.delay = this.delay;
    this.best.start = this.members.map((s, k) => (this.state[k] === PLACED ? this.table.start[s] : -1));
    this.best.venue = this.members.map((s, k) => (this.state[k] === PLACED ? this.table.venue[s] : -1));
  }

  /**
   * Weight that must be given up whatever comes next: open sessions with no room in the
   * window their booked neighbours leave, and the sessions that must follow them.
   */
  private forcedLoss(): number {
    const { members, state, world } = this;
    const lost = new Set<number>();
    const window = { es: [] as number[], ls: [] as number[] };
    const loseWithFollowers = (j: number): void => {
      if (state[j] !== OPEN || lost.has(j)) return;
      lost.add(j);
      for (const e of world.sessions[members[j]].succs) loseWithFollowers(this.position[e.other]);
    };
    for (let j = 0; j < members.length; j++) {
      if (state[j] !== OPEN || lost.has(j)) continue;
      this.localWindow(j, window.es, window.ls);
      if (this.firstFit(j, window.es[j], window.ls[j]) > window.ls[j]) loseWithFollowers(j);
    }
    let weight = 0;
    for (const j of lost) weight += world.sessions[members[j]].priority;
    return weight;
  }

  /**
   * The least weight the open sessions must give up for the rest to pass propagation (when
   * all of them cannot), with the least delay of the rest then: sets of open sessions closed
   * under `after` (a session left out takes its followers with it), lightest first. Every
   * completion leaves out such a set, and propagation rules out only what cannot be placed,
   * so this bounds the loss. Sets heavier than `atMost` are not tried (the loss is then
   * Infinity: the node is cut anyway). With many open sessions, a cheaper bound.
   */
  private leastLoss(atMost: number): Score {
    const { members, state, world } = this;
    const open: number[] = [];
    for (let k = 0; k < members.length; k++) if (state[k] === OPEN) open.push(k);
    if (open.length > EXACT_LOSS_SESSIONS) return { lost: Math.max(this.cheapestOpen(), this.forcedLoss()), delay: 0 };
    // followers[i]: open sessions that must go if open[i] goes (itself included), as a bit mask.
    const followers = open.map(() => 0);
    for (let i = open.length - 1; i >= 0; i--) {
      followers[i] |= 1 << i;
      for (const e of world.sessions[members[open[i]]].succs) {
        const j = open.indexOf(this.position[e.other]);
        if (j >= 0) followers[i] |= followers[j];
      }
    }
    const sets: Array<{ mask: number; weight: number }> = [];
    for (let mask = 1; mask < 1 << open.length; mask++) {
      let weight = 0;
      let closed = true;
      for (let i = 0; i < open.length && closed; i++) {
        if ((mask & (1 << i)) === 0) continue;
        closed = (followers[i] & ~mask) === 0;
        weight += world.sessions[members[open[i]]].priority;
      }
      if (closed && weight <= atMost) sets.push({ mask, weight });
    }
    sets.sort((a, b) => a.weight - b.weight || a.mask - b.mask);
    const es = new Array<number>(members.length);
    const ls = new Array<number>(members.length);
    const least = { lost: Infinity, delay: Infinity };
    for (const { mask, weight } of sets) {
      if (weight > least.lost) break;
      open.forEach((k, i) => (state[k] = mask & (1 << i) ? SKIPPED : OPEN));
      const consistent = this.propagate(es, ls, false);
      let delay = 0;
      for (const k of open) {
        if (state[k] === OPEN) delay += world.sessions[members[k]].priority * es[k];
        state[k] = OPEN;
      }
      if (consistent) {
        least.lost = weight;
        least.delay = Math.min(least.delay, delay);
      }
    }
    return least;
  }

  /** The smallest weight the group must still give up when the open sessions cannot all fit. */
  private cheapestOpen(): number {
    let least = Infinity;
    this.members.forEach((s, k) => {
      if (this.state[k] === OPEN) least = Math.min(least, this.world.sessions[s].priority);
    });
    return least;
  }

  /**
   * Earliest and latest starts of every open session, assuming all open sessions get placed:
   * the gap rules applied both ways until nothing moves, each earliest start moved to the
   * first slot the bookings allow. False when they cannot all be placed.
   */
  private propagate(es: number[], ls: number[], warm: boolean): boolean {
    const { members, state, world, table, domains } = this;
    this.network.members = members;
    this.latestStarts = ls;
    const n = members.length;
    for (let k = 0; k < n; k++) {
      const s = members[k];
      if (state[k] === PLACED) {
        es[k] = ls[k] = table.start[s];
      } else if (state[k] === OPEN) {
        if (!warm) {
          es[k] = domains[s].first;
          ls[k] = domains[s].last;
        }
        es[k] = this.firstFit(k, es[k], ls[k]);
        if (es[k] > ls[k]) return false;
      }
    }
    return narrowByGaps(world, this.network, es, ls);
  }

  private firstFit(k: number, from: number, to: number): number {
    const s = this.members[k];
    return this.table.earliestFit(s, this.domains[s], from, to)?.start ?? Infinity;
  }

  /** The window of session k from its booked neighbours only (when propagation gave up). */
  private localWindow(k: number, es: number[], ls: number[]): void {
    const { members, state, world, table } = this;
    const session = world.sessions[members[k]];
    let lo = this.domains[members[k]].first;
    let hi = this.domains[members[k]].last;
    for (const e of session.preds) {
      if (state[this.position[e.other]] !== PLACED) continue;
      const end = table.start[e.other] + world.sessions[e.other].duration;
      lo = Math.max(lo, end + e.min);
      hi = Math.min(hi, end + e.max);
    }
    for (const e of session.succs) {
      if (state[this.position[e.other]] !== PLACED) continue;
      const start = table.start[e.other];
      lo = Math.max(lo, start - e.max - session.duration);
      hi = Math.min(hi, start - e.min - session.duration);
    }
    es[k] = lo;
    ls[k] = hi;
  }
}
