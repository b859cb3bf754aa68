import { World } from './world';

/**
 * Start windows [es[k], ls[k]] of the members of a group (or of several), by position, and
 * how to narrow one: `earliest(k, t)` is member k's first possible start at or after t
 * (Infinity when none), `latest(k, t)` its last at or before t.
 */
export interface GapNetwork {
  members: readonly number[];
  /** Position of each member in `members`, by session index. */
  position: Int32Array;
  /** Members taking part (those left out constrain nothing). */
  active(k: number): boolean;
  /** Members already placed: their start cannot move, so a rule they break ends it. */
  placed(k: number): boolean;
  earliest(k: number, t: number): number;
  latest(k: number, t: number): number;
}

/**
 * Applies the `after` rules between active members both ways until nothing moves: a
 * successor starts at least the minimum gap after its predecessor ends, a predecessor ends
 * early enough for that, and a maximum gap pulls each towards the other. False when a
 * window empties or a placed member's start breaks a rule with an open one.
 */
export function narrowByGaps(world: World, net: GapNetwork, es: number[], ls: number[]): boolean {
  const n = net.members.length;
  for (let round = 0; round <= 4 * n; round++) {
    let moved = false;
    for (let k = 0; k < n; k++) {
      if (!net.active(k)) continue;
      for (const e of world.sessions[net.members[k]].preds) {
        const j = net.position[e.other];
        // A rule between two placed members is not for this search to keep (fixed sessions may break it).
        if (!net.active(j) || (net.placed(j) && net.placed(k))) continue;
        const gapFrom = world.sessions[e.other].duration;
        // k starts in [end of j + min, end of j + max]
        if (es[j] + gapFrom + e.min > es[k]) {
          if (net.placed(k)) return false;
          es[k] = net.earliest(k, es[j] + gapFrom + e.min);
          moved = true;
        }
        if (ls[k] - e.min - gapFrom < ls[j]) {
          if (net.placed(j)) return false;
          ls[j] = net.latest(j, ls[k] - e.min - gapFrom);
          moved = true;
        }
        if (e.max !== Infinity) {
          if (ls[j] + gapFrom + e.max < ls[k]) {
            if (net.placed(k)) return false;
            ls[k] = net.latest(k, ls[j] + gapFrom + e.max);
            moved = true;
          }
          if (es[k] - e.max - gapFrom > es[j]) {
            if (net.placed(j)) return false;
            es[j] = net.earliest(j, es[k] - e.max - gapFrom);
            moved = true;
          }
        }
        if (es[k] > ls[k] || es[j] > ls[j]) return false;
      }
    }
    if (!moved) return true;
  }
  return true;
}
