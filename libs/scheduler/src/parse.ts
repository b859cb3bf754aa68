import { IANAZone } from 'luxon';
import {
  FieldError,
  Json,
  field,
  item,
  optional,
  readArray,
  readBoolean,
  readEach,
  readId,
  readInstant,
  readNumber,
  readObject,
  readString,
  show,
} from './fields';
import {
  AfterRule,
  Instance,
  Interval,
  PERSON_ROLES,
  Person,
  PersonRole,
  Separation,
  SessionSpec,
  TravelEntry,
  Venue,
} from './model';
import { minutesToMs } from './time';

/** A malformed instance. The message is one line: the field path, then the problem. */
export class InstanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstanceError';
  }
}

/**
 * Validates an instance of format v1 (shared/spec/scheduling-problem.md) and returns a clean
 * copy of it. Decisions beyond the spec's list of malformations:
 * - fields the format does not define are ignored and left out of the copy;
 * - optional fields stay absent; their defaults are the spec's: `priority` 1, `minGapMinutes` 0,
 *   no `maxGapMinutes`, no `travel` (every pair takes `defaultTravelMinutes`), no `separations`,
 *   a person or venue without `available` is available throughout, a venue without `capacity`
 *   holds any number, `accessible`/`needsAccessible`/`remote` false;
 * - numbers are never negative; `slotMinutes`, `durationMinutes`, `capacity` and
 *   `maxSessionsPerDay` are whole numbers;
 * - a session lists at least one venue, and no attendee or venue twice;
 * - a `maxGapMinutes` below its `minGapMinutes`, a session `after` itself and a cycle of `after`
 *   rules are malformed (no plan could keep them, and they are slips in the data);
 * - a travel pair is given at most once and never from a venue to itself;
 * - the two people of a separation are different people.
 * Nothing here judges whether a plan exists: an unplaceable session or a `fixed` session that
 * breaks a hard rule is a matter for the solver.
 */
export function parseInstance(json: unknown): Instance {
  try {
    return readInstance(json);
  } catch (error) {
    if (error instanceof FieldError) throw new InstanceError(error.message);
    throw error;
  }
}

interface Grid {
  startMs: number;
  slotMinutes: number;
}

function readInstance(json: unknown): Instance {
  const root = readObject(json, 'instance');
  if (root.version !== 1) {
    throw new FieldError('version', root.version === undefined ? 'missing' : `expected 1, got ${show(root.version)}`);
  }
  const horizonJson = readObject(root.horizon, 'horizon');
  const horizonStart = readInstant(horizonJson.start, 'horizon.start');
  const slotMinutes = readNumber(root.slotMinutes, 'slotMinutes', { integer: true, min: 1 });
  const grid: Grid = { startMs: horizonStart.ms, slotMinutes };
  const horizonEnd = readGridInstant(horizonJson.end, 'horizon.end', grid);
  if (horizonEnd.ms <= horizonStart.ms) throw new FieldError('horizon.end', `${horizonEnd.text} is not after horizon.start`);

  const timezone = readString(root.timezone, 'timezone');
  if (!IANAZone.isValidZone(timezone)) throw new FieldError('timezone', `${show(timezone)} is not an IANA time zone`);
  const defaultTravelMinutes = readNumber(root.defaultTravelMinutes, 'defaultTravelMinutes');

  const people = readEach(root.people, 'people', (value, path) => readPerson(value, path, grid));
  const personIds = indexIds(people, 'people');
  const venues = readEach(root.venues, 'venues', (value, path) => readVenue(value, path, grid));
  const venueIds = indexIds(venues, 'venues');
  const travel = optional(root, 'travel', '', (value, path) => readTravel(value, path, venueIds));
  const separations = optional(root, 'separations', '', (value, path) =>
    readEach(value, path, (entry, entryPath) => readSeparation(entry, entryPath, personIds)),
  );
  const sessions = readEach(root.sessions, 'sessions', (value, path) =>
    readSession(value, path, grid, personIds, venueIds),
  );
  const sessionIds = indexIds(sessions, 'sessions');
  checkAfterReferences(sessions, sessionIds);

  return {
    version: 1,
    horizon: { start: horizonStart.text, end: horizonEnd.text },
    slotMinutes,
    timezone,
    defaultTravelMinutes,
    people,
    venues,
    ...(travel && { travel }),
    ...(separations && { separations }),
    sessions,
  };
}

function readGridInstant(value: unknown, path: string, grid: Grid): { text: string; ms: number } {
  const instant = readInstant(value, path);
  if ((instant.ms - grid.startMs) % minutesToMs(grid.slotMinutes) !== 0) {
    throw new FieldError(path, `${instant.text} is not on the ${grid.slotMinutes}-minute slot grid from horizon.start`);
  }
  return instant;
}

function readIntervals(value: unknown, path: string, grid: Grid): Interval[] {
  return readEach(value, path, (pair, pairPath) => {
    const bounds = readArray(pair, pairPath);
    if (bounds.length !== 2) throw new FieldError(pairPath, `expected [start, end], got ${show(pair)}`);
    const start = readGridInstant(bounds[0], item(pairPath, 0), grid);
    const end = readGridInstant(bounds[1], item(pairPath, 1), grid);
    if (end.ms <= start.ms) throw new FieldError(pairPath, `end ${end.text} is not after start ${start.text}`);
    return [start.text, end.text];
  });
}

function readPerson(value: unknown, path: string, grid: Grid): Person {
  const json = readObject(value, path);
  const id = readId(json.id, field(path, 'id'));
  const role = readString(json.role, field(path, 'role'));
  if (!(PERSON_ROLES as readonly string[]).includes(role)) {
    throw new FieldError(field(path, 'role'), `${show(role)} is not one of ${PERSON_ROLES.join(', ')}`);
  }
  const maxSessionsPerDay = optional(json, 'maxSessionsPerDay', path, (v, p) => readNumber(v, p, { integer: true }));
  const available = optional(json, 'available', path, (v, p) => readIntervals(v, p, grid));
  return {
    id,
    role: role as PersonRole,
    ...(maxSessionsPerDay !== undefined && { maxSessionsPerDay }),
    ...(available && { available }),
  };
}

function readVenue(value: unknown, path: string, grid: Grid): Venue {
  const json = readObject(value, path);
  const id = readId(json.id, field(path, 'id'));
  const capacity = optional(json, 'capacity', path, (v, p) => readNumber(v, p, { integer: true }));
  const accessible = optional(json, 'accessible', path, readBoolean);
  const remote = optional(json, 'remote', path, readBoolean);
  const available = optional(json, 'available', path, (v, p) => readIntervals(v, p, grid));
  return {
    id,
    ...(capacity !== undefined && { capacity }),
    ...(accessible !== undefined && { accessible }),
    ...(available && { available }),
    ...(remote !== undefined && { remote }),
  };
}

function readTravel(value: unknown, path: string, venueIds: Set<string>): TravelEntry[] {
  const seen = new Map<string, number>();
  return readEach(value, path, (entry, entryPath, index) => {
    const parts = readArray(entry, entryPath);
    if (parts.length !== 3) throw new FieldError(entryPath, `expected [venue, venue, minutes], got ${show(entry)}`);
    const from = readRef(parts[0], item(entryPath, 0), venueIds, 'venue');
    const to = readRef(parts[1], item(entryPath, 1), venueIds, 'venue');
    const minutes = readNumber(parts[2], item(entryPath, 2));
    if (from === to) throw new FieldError(entryPath, `travel from ${from} to itself is always 0 and is not listed`);
    const pair = [from, to].sort().join('\n');
    const earlier = seen.get(pair);
    if (earlier !== undefined) throw new FieldError(entryPath, `${from}/${to} is already given at ${item(path, earlier)}`);
    seen.set(pair, index);
    return [from, to, minutes];
  });
}

function readSeparation(value: unknown, path: string, personIds: Set<string>): Separation {
  const json = readObject(value, path);
  const peoplePath = field(path, 'people');
  const pair = readArray(json.people, peoplePath);
  if (pair.length !== 2) throw new FieldError(peoplePath, `expected two people, got ${show(json.people)}`);
  const first = readRef(pair[0], item(peoplePath, 0), personIds, 'person');
  const second = readRef(pair[1], item(peoplePath, 1), personIds, 'person');
  if (first === second) throw new FieldError(peoplePath, `names ${first} twice`);
  const minutes = readNumber(json.minutes, field(path, 'minutes'));
  return { people: [first, second], minutes };
}

function readSession(value: unknown, path: string, grid: Grid, personIds: Set<string>, venueIds: Set<string>): SessionSpec {
  const json = readObject(value, path);
  const id = readId(json.id, field(path, 'id'));
  const caseId = readString(json.case, field(path, 'case'));
  const kind = readString(json.kind, field(path, 'kind'));
  const durationMinutes = readDuration(json, path, grid);
  const attendees = readRefList(json.attendees, field(path, 'attendees'), personIds, 'person');
  const venues = readRefList(json.venues, field(path, 'venues'), venueIds, 'venue');
  if (venues.length === 0) throw new FieldError(field(path, 'venues'), 'must list at least one venue');
  const needsAccessible = optional(json, 'needsAccessible', path, readBoolean);
  const priority = optional(json, 'priority', path, (v, p) => readNumber(v, p));
  const after = optional(json, 'after', path, (v, p) => readEach(v, p, readAfterRule));
  const notBefore = optional(json, 'notBefore', path, (v, p) => readGridInstant(v, p, grid).text);
  const notAfter = optional(json, 'notAfter', path, (v, p) => readGridInstant(v, p, grid).text);
  const fixed = optional(json, 'fixed', path, (v, p) => readFixed(v, p, grid, venueIds));
  return {
    id,
    case: caseId,
    kind,
    durationMinutes,
    attendees,
    venues,
    ...(needsAccessible !== undefined && { needsAccessible }),
    ...(priority !== undefined && { priority }),
    ...(after && { after }),
    ...(notBefore !== undefined && { notBefore }),
    ...(notAfter !== undefined && { notAfter }),
    ...(fixed && { fixed }),
  };
}

function readDuration(json: Json, path: string, grid: Grid): number {
  const durationPath = field(path, 'durationMinutes');
  const minutes = readNumber(json.durationMinutes, durationPath);
  if (minutes <= 0) throw new FieldError(durationPath, `${minutes} is not positive`);
  if (minutes % grid.slotMinutes !== 0) {
    throw new FieldError(durationPath, `${minutes} is not a multiple of slotMinutes (${grid.slotMinutes})`);
  }
  return minutes;
}

/** The session reference is checked once every session id is known. */
function readAfterRule(value: unknown, path: string): AfterRule {
  const json = readObject(value, path);
  const session = readId(json.session, field(path, 'session'));
  const minGapMinutes = optional(json, 'minGapMinutes', path, (v, p) => readNumber(v, p));
  const maxGapMinutes = optional(json, 'maxGapMinutes', path, (v, p) => readNumber(v, p));
  if (maxGapMinutes !== undefined && maxGapMinutes < (minGapMinutes ?? 0)) {
    throw new FieldError(field(path, 'maxGapMinutes'), `${maxGapMinutes} is less than minGapMinutes (${minGapMinutes ?? 0})`);
  }
  return {
    session,
    ...(minGapMinutes !== undefined && { minGapMinutes }),
    ...(maxGapMinutes !== undefined && { maxGapMinutes }),
  };
}

function readFixed(value: unknown, path: string, grid: Grid, venueIds: Set<string>): { start: string; venue: string } {
  const json = readObject(value, path);
  const start = readGridInstant(json.start, field(path, 'start'), grid).text;
  const venue = readRef(json.venue, field(path, 'venue'), venueIds, 'venue');
  return { start, venue };
}

function readRef(value: unknown, path: string, ids: Set<string>, what: string): string {
  const id = readString(value, path);
  if (!ids.has(id)) throw new FieldError(path, `${show(id)} names no ${what}`);
  return id;
}

function readRefList(value: unknown, path: string, ids: Set<string>, what: string): string[] {
  const seen = new Set<string>();
  return readEach(value, path, (element, elementPath) => {
    const id = readRef(element, elementPath, ids, what);
    if (seen.has(id)) throw new FieldError(elementPath, `${show(id)} is listed twice`);
    seen.add(id);
    return id;
  });
}

function indexIds(items: ReadonlyArray<{ id: string }>, path: string): Set<string> {
  const firstIndex = new Map<string, number>();
  items.forEach(({ id }, index) => {
    const earlier = firstIndex.get(id);
    if (earlier !== undefined) {
      throw new FieldError(field(item(path, index), 'id'), `${show(id)} duplicates ${field(item(path, earlier), 'id')}`);
    }
    firstIndex.set(id, index);
  });
  return new Set(firstIndex.keys());
}

function checkAfterReferences(sessions: SessionSpec[], sessionIds: Set<string>): void {
  sessions.forEach((session, index) => {
    (session.after ?? []).forEach((rule, ruleIndex) => {
      const path = field(item(field(item('sessions', index), 'after'), ruleIndex), 'session');
      if (!sessionIds.has(rule.session)) throw new FieldError(path, `${show(rule.session)} names no session`);
      if (rule.session === session.id) throw new FieldError(path, 'a session cannot come after itself');
    });
  });
  const cycle = findAfterCycle(sessions);
  if (cycle) {
    const index = sessions.findIndex((session) => session.id === cycle[0]);
    throw new FieldError(field(item('sessions', index), 'after'), `after rules form a cycle: ${cycle.join(' after ')}`);
  }
}

/** A cycle of `after` rules as the ids along it (first id repeated at the end), or undefined. */
function findAfterCycle(sessions: SessionSpec[]): string[] | undefined {
  const predecessors = new Map(sessions.map((s) => [s.id, (s.after ?? []).map((rule) => rule.session)]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  // Iterative depth-first search: a chain of 4,000 sessions must not overflow the stack.
  for (const root of predecessors.keys()) {
    if (state.has(root)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    state.set(root, 'open');
    path.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const preds = predecessors.get(top.id)!;
      if (top.next < preds.length) {
        const pred = preds[top.next++];
        if (state.get(pred) === 'open') return [...path.slice(path.indexOf(pred)), pred];
        if (!state.has(pred)) {
          state.set(pred, 'open');
          path.push(pred);
          stack.push({ id: pred, next: 0 });
        }
      } else {
        state.set(top.id, 'done');
        path.pop();
        stack.pop();
      }
    }
  }
  return undefined;
}
