import { checkPlan, formatViolation } from '../src/check';
import { IntervalSet } from '../src/interval-set';
import { Ledger } from '../src/ledger';
import { Assignment, Instance, Interval, Person, PersonRole, SessionSpec, TravelEntry, Venue } from '../src/model';
import { formatInstant, minutesToMs } from '../src/time';
import { World } from '../src/world';
import {
  HORIZON_END_MS,
  HORIZON_START_MS,
  SLOT_MINUTES,
  Span,
  ZONE,
  dayOf,
  localTime,
  slotsBetween,
  weekday,
} from './generate-calendar';
import {
  communityOffenderHours,
  facilitatorHours,
  hubHours,
  interpreterHours,
  offenderManagerHours,
  prisonHours,
  prisonerHours,
  supporterHours,
  victimHours,
} from './generate-people';
import { Random } from './random';

export interface GenerateOptions {
  cases: number;
  seed: number;
  /** Cut availability after planting, so that not every session can be placed. */
  scarce?: boolean;
}

export interface Generated {
  instance: Instance;
  /** A plan placing every session, which the instance was built around; absent for a scarce instance. */
  planted?: Assignment[];
}

/**
 * A restorative-justice service over four weeks, modelled on shared/samples/scheduling: regions
 * of about 30 cases, each with its own facilitators, offender managers, interpreters, community
 * hubs and prisons; per case victim and offender preparations (1 or 2 each, a day apart), for
 * most cases a conference 1 to 14 days after both and a follow-up by video 2 to 7 days after it.
 *
 * The sessions are planted stage by stage (first preparations, second ones, conferences,
 * follow-ups), each at a feasible start a little after its earliest possible one, where its
 * attendees are available when that can be found, and otherwise where only the facilitators and
 * a prisoner's visiting times allow, widening the others' availability to fit (as a coordinator
 * would by asking). A session that cannot be planted is left out of the instance, so the planted
 * plan places every session. Then some first preparations are fixed at their planted place, and
 * some sessions get a referral date (notBefore) or a deadline (notAfter) that the planted plan
 * keeps. `scarce` then cuts availability (prisons to two visiting sessions a week, a share of
 * everyone's days), keeping what fixed sessions need.
 */
export function generateInstance(options: GenerateOptions): Generated {
  const random = new Random(options.seed);
  const draft = draftService(random, options.cases);
  const planted = plantSessions(random, draft);
  addBookingsAndBounds(random, draft, planted);
  if (options.scarce) cutAvailability(random, draft, planted);
  const instance = toInstance(random, draft, planted);
  if (options.scarce) return { instance };
  const assignments = instance.sessions.map((s) => planted.get(s.id)!).map(({ spec, startMs, venue }) => ({
    session: spec.id,
    start: formatInstant(startMs),
    venue,
  }));
  const broken = checkPlan(instance, { assignments, unscheduled: [] });
  if (broken.length > 0) throw new Error(`generator bug: the planted plan breaks ${formatViolation(broken[0])}`);
  return { instance, planted: assignments };
}

interface DraftPerson {
  id: string;
  role: PersonRole;
  maxSessionsPerDay?: number;
  spans: Span[];
  /** Whether planting may widen this person's availability (not facilitators' hours or prison visits). */
  widen: boolean;
  load: number;
}

interface DraftVenue extends Venue {
  spans?: Span[];
  prison?: boolean;
  x: number;
  y: number;
}

interface CaseDraft {
  id: string;
  facilitators: [DraftPerson, DraftPerson];
  victim: DraftPerson;
  offender: DraftPerson;
  manager: DraftPerson;
  supporters: DraftPerson[];
  interpreter?: DraftPerson;
  needsAccessible: boolean;
  victimVenues: string[];
  offenderVenues: string[];
  conferenceVenues: string[];
  referralDay: number;
  victimPreps: number;
  offenderPreps: number;
  conference: boolean;
}

interface Draft {
  people: DraftPerson[];
  venues: DraftVenue[];
  travel: TravelEntry[];
  cases: CaseDraft[];
  byId: Map<string, DraftPerson>;
}

interface Planted {
  spec: SessionSpec;
  startMs: number;
  venue: string;
}

const CASES_PER_REGION = 50;
const KENT_HUBS = ['maidstone', 'canterbury', 'ashford', 'dover', 'folkestone', 'margate', 'ramsgate', 'gravesend', 'tonbridge', 'dartford'];
const KENT_PRISONS = ['elmley', 'swaleside', 'rochester'];
const COUNTIES = [
  'kent', 'sussex', 'surrey', 'essex', 'hampshire', 'berkshire', 'oxfordshire', 'devon', 'dorset', 'norfolk',
  'suffolk', 'somerset', 'wiltshire', 'cornwall', 'durham', 'cumbria', 'lancashire', 'yorkshire', 'derbyshire', 'leicestershire',
  'lincolnshire', 'staffordshire', 'warwickshire', 'worcestershire', 'shropshire', 'cheshire', 'gloucestershire', 'herefordshire', 'cambridgeshire', 'bedfordshire',
  'hertfordshire', 'buckinghamshire', 'northamptonshire', 'nottinghamshire', 'rutland', 'northumberland', 'merseyside', 'avon', 'cleveland', 'humberside',
];

function draftService(random: Random, caseCount: number): Draft {
  const draft: Draft = { people: [], venues: [], travel: [], cases: [], byId: new Map() };
  const counters = new Map<string, number>();
  const nextId = (prefix: string): string => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}-${n}`;
  };
  const addPerson = (id: string, role: PersonRole, spans: Span[], widen: boolean, maxSessionsPerDay?: number): DraftPerson => {
    const person: DraftPerson = { id, role, spans, widen, load: 0, ...(maxSessionsPerDay && { maxSessionsPerDay }) };
    draft.people.push(person);
    draft.byId.set(id, person);
    return person;
  };

  const regions = Math.ceil(caseCount / CASES_PER_REGION);
  for (let region = 0; region < regions; region++) {
    const cases = Math.min(CASES_PER_REGION, caseCount - region * CASES_PER_REGION);
    const county = COUNTIES[region] ?? `region${region + 1}`;
    const hubs = Array.from({ length: Math.min(10, Math.max(2, Math.round((cases * 8) / 30))) }, (_, i) =>
      addVenue(random, draft, region === 0 && KENT_HUBS[i] ? `hub-${KENT_HUBS[i]}` : `hub-${county}-${i + 1}`, false),
    );
    const prisons = Array.from({ length: Math.min(3, Math.max(1, Math.round(cases / 15))) }, (_, i) =>
      addVenue(random, draft, region === 0 && KENT_PRISONS[i] ? `hmp-${KENT_PRISONS[i]}` : `hmp-${county}-${i + 1}`, true),
    );
    addTravel(random, draft, [...hubs, ...prisons]);
    const staff = (count: number, make: (index: number) => DraftPerson) => Array.from({ length: count }, (_, i) => make(i));
    const facilitators = staff(Math.max(3, Math.round(cases * 0.4)), () => addPerson(nextId('fac'), 'facilitator', facilitatorHours(random), false, 3));
    const managers = staff(Math.max(1, Math.round(cases / 5)), () => addPerson(nextId('om'), 'offender-manager', offenderManagerHours(random), true));
    const interpreters = staff(Math.max(1, Math.round(cases / 15)), () => addPerson(nextId('int'), 'interpreter', interpreterHours(random), true));

    for (let i = 0; i < cases; i++) {
      const n = draft.cases.length + 1;
      const prison = random.chance(0.25) ? random.pick(prisons) : undefined;
      const victim = addPerson(`vic-${n}`, 'victim', victimHours(random), true);
      const offender = prison
        ? addPerson(`off-${n}`, 'offender', prisonerHours(random, prison.spans!), false)
        : addPerson(`off-${n}`, 'offender', communityOffenderHours(random), true);
      const supporterCount = random.pick([0, 1, 1, 2, 2]);
      const supporters = staff(supporterCount, (k) => addPerson(`sup-${n}-${k + 1}`, 'supporter', supporterHours(random), true));
      const pair = leastLoaded(random, facilitators, 2);
      const needsAccessible = random.chance(0.15);
      const suitableHubs = (attendees: number) =>
        hubs.filter((h) => (h.capacity ?? Infinity) >= attendees && (!needsAccessible || h.accessible));
      const conferenceSize = 5 + supporterCount + 1;
      draft.cases.push({
        id: `c${n}`,
        facilitators: [pair[0], pair[1]],
        victim,
        offender,
        manager: random.pick(managers),
        supporters,
        ...(random.chance(0.08) && { interpreter: random.pick(interpreters) }),
        needsAccessible,
        victimVenues: venueChoice(random, suitableHubs(4), hubs, random.int(1, 2), true),
        offenderVenues: prison ? [prison.id] : venueChoice(random, hubs, hubs, random.int(1, 2), random.chance(0.5)),
        conferenceVenues: prison ? [prison.id] : venueChoice(random, suitableHubs(conferenceSize), hubs, random.int(2, 3), false),
        referralDay: random.int(0, 10),
        victimPreps: random.chance(0.37) ? 2 : 1,
        offenderPreps: random.chance(0.37) ? 2 : 1,
        conference: random.chance(0.7),
      });
    }
  }
  draft.venues.push({ id: 'video', remote: true, x: 0, y: 0 });
  return draft;
}

function addVenue(random: Random, draft: Draft, id: string, prison: boolean): DraftVenue {
  const venue: DraftVenue = prison
    ? { id, capacity: 10, accessible: true, spans: prisonHours(random), prison, x: random.int(0, 70), y: random.int(0, 50) }
    : { id, capacity: random.pick([4, 6, 8, 10, 12]), accessible: random.chance(0.6), spans: hubHours(random), x: random.int(0, 70), y: random.int(0, 50) };
  draft.venues.push(venue);
  return venue;
}

/** Minutes by road from the venues' places, for most pairs of a region; the rest take the default. */
function addTravel(random: Random, draft: Draft, venues: DraftVenue[]): void {
  venues.forEach((a, i) =>
    venues.slice(i + 1).forEach((b) => {
      if (!random.chance(0.85)) return;
      const km = Math.hypot(a.x - b.x, a.y - b.y);
      draft.travel.push([a.id, b.id, Math.min(60, Math.max(15, 5 * Math.round((10 + 0.9 * km) / 5)))]);
    }),
  );
}

function leastLoaded(random: Random, people: DraftPerson[], count: number): DraftPerson[] {
  const chosen = random
    .shuffle(people)
    .sort((a, b) => a.load - b.load)
    .slice(0, count);
  for (const person of chosen) person.load++;
  return chosen;
}

/** One suitable venue first, then others of the region (which may not suit: the solver must see that), then video. */
function venueChoice(random: Random, suitable: DraftVenue[], all: DraftVenue[], count: number, video: boolean): string[] {
  const first = random.pick(suitable.length > 0 ? suitable : all);
  const others = random.sample(all.filter((v) => v !== first), count - 1);
  const ids = [first, ...others].map((v) => v.id);
  if (!video) return ids;
  return random.chance(0.15) ? ['video', ...ids] : [...ids, 'video'];
}

const DAY_MINUTES = 1440;

/** The sessions of one stage of every case, with `after` rules naming what was planted before. */
function stageSessions(random: Random, draft: Draft, stage: number, planted: Map<string, Planted>): SessionSpec[] {
  const specs: SessionSpec[] = [];
  for (const c of draft.cases) {
    const [f1, f2] = c.facilitators.map((f) => f.id);
    const interpreter = c.interpreter ? [c.interpreter.id] : [];
    const prep = (id: string, attendees: string[], venues: string[], after?: string): SessionSpec => ({
      id: `${c.id}/${id}`,
      case: c.id,
      kind: 'preparation',
      durationMinutes: random.pick([60, 60, 75, 90]),
      attendees,
      venues,
      ...(c.needsAccessible && id.startsWith('prep-victim') && { needsAccessible: true }),
      priority: 2,
      ...(after && { after: [{ session: `${c.id}/${after}`, minGapMinutes: DAY_MINUTES }] }),
    });
    const lastPlanted = (...ids: string[]) => ids.map((id) => `${c.id}/${id}`).find((id) => planted.has(id));
    const victimPrepStaff = () => (random.chance(0.5) ? [f1, f2] : [random.pick([f1, f2])]);
    const offenderPrepStaff = (p: number) => (random.chance(p) ? [f1, f2] : [random.pick([f1, f2])]);
    if (stage === 0) {
      specs.push(prep('prep-victim-1', [...victimPrepStaff(), c.victim.id, ...interpreter], c.victimVenues));
      specs.push(prep('prep-offender-1', [...offenderPrepStaff(0.7), c.offender.id, c.manager.id], c.offenderVenues));
    } else if (stage === 1) {
      if (c.victimPreps === 2 && planted.has(`${c.id}/prep-victim-1`)) {
        specs.push(prep('prep-victim-2', [...victimPrepStaff(), c.victim.id, ...interpreter], c.victimVenues, 'prep-victim-1'));
      }
      if (c.offenderPreps === 2 && planted.has(`${c.id}/prep-offender-1`)) {
        specs.push(prep('prep-offender-2', [...offenderPrepStaff(0.6), c.offender.id], c.offenderVenues, 'prep-offender-1'));
      }
    } else if (stage === 2) {
      const victimPrep = lastPlanted('prep-victim-2', 'prep-victim-1');
      const offenderPrep = lastPlanted('prep-offender-2', 'prep-offender-1');
      if (!c.conference || !victimPrep || !offenderPrep) continue;
      specs.push({
        id: `${c.id}/conference`,
        case: c.id,
        kind: 'conference',
        durationMinutes: random.pick([90, 120, 120, 150, 180]),
        attendees: [f1, f2, c.victim.id, c.offender.id, c.manager.id, ...c.supporters.map((s) => s.id), ...interpreter],
        venues: c.conferenceVenues,
        ...(c.needsAccessible && { needsAccessible: true }),
        priority: 3,
        after: [victimPrep, offenderPrep].map((session) => ({ session, minGapMinutes: DAY_MINUTES, maxGapMinutes: 14 * DAY_MINUTES })),
      });
    } else if (planted.has(`${c.id}/conference`)) {
      specs.push({
        id: `${c.id}/follow-up`,
        case: c.id,
        kind: 'follow-up',
        durationMinutes: 30,
        attendees: [random.pick([f1, f2]), c.victim.id],
        venues: ['video'],
        priority: 1,
        after: [{ session: `${c.id}/conference`, minGapMinutes: 2 * DAY_MINUTES, maxGapMinutes: 7 * DAY_MINUTES }],
      });
    }
  }
  return specs;
}

/** How much later than its earliest possible start a stage's sessions are aimed at, in minutes. */
const STAGE_SLACK = [DAY_MINUTES / 2, DAY_MINUTES / 2, DAY_MINUTES, DAY_MINUTES / 2];

function plantSessions(random: Random, draft: Draft): Map<string, Planted> {
  const planted = new Map<string, Planted>();
  const referral = new Map(draft.cases.map((c) => [c.id, localTime(c.referralDay, '00:00')]));
  for (let stage = 0; stage < STAGE_SLACK.length; stage++) {
    const specs = stageSessions(random, draft, stage, planted);
    const ledger = new Ledger(new World(draftInstance(draft, [...[...planted.values()].map((p) => p.spec), ...specs])));
    for (const p of planted.values()) ledger.place(p.spec.id, p.startMs, p.venue);
    for (const spec of random.shuffle(specs)) {
      const spot = plantOne(random, draft, ledger, spec, stage === 0 ? referral.get(spec.case)! : HORIZON_START_MS, STAGE_SLACK[stage]);
      if (!spot) continue;
      ledger.place(spec.id, spot.startMs, spot.venue);
      planted.set(spec.id, { spec, ...spot });
    }
  }
  return planted;
}

function plantOne(
  random: Random,
  draft: Draft,
  ledger: Ledger,
  spec: SessionSpec,
  notBeforeMs: number,
  slackMinutes: number,
): { startMs: number; venue: string } | undefined {
  const durationMs = minutesToMs(spec.durationMinutes);
  let from = notBeforeMs;
  let to = HORIZON_END_MS;
  for (const rule of spec.after ?? []) {
    const before = ledger.placementOf(rule.session)!;
    from = Math.max(from, before.endMs + minutesToMs(rule.minGapMinutes ?? 0));
    if (rule.maxGapMinutes !== undefined) to = Math.min(to, before.endMs + minutesToMs(rule.maxGapMinutes) + durationMs);
  }
  const targetMs = from + minutesToMs(slotsBetween(random, 0, slackMinutes));
  const attendees = spec.attendees.map((id) => draft.byId.get(id)!);
  const strict = attendees;
  const relaxed = attendees.filter((p) => !p.widen);
  for (const required of [strict, relaxed]) {
    let window = IntervalSet.union([[from, to]]);
    for (const person of required) window = window.intersect(IntervalSet.union(person.spans));
    const starts = gridStarts(window, durationMs);
    const ordered = [...starts.filter((s) => s >= targetMs), ...starts.filter((s) => s < targetMs)];
    for (const startMs of ordered) {
      const venue = spec.venues.find((v) => ledger.fits(spec.id, startMs, v));
      if (!venue) continue;
      for (const person of attendees) widenToCover(random, person, startMs, startMs + durationMs);
      return { startMs, venue };
    }
  }
  return undefined;
}

function gridStarts(window: IntervalSet, durationMs: number): number[] {
  const slotMs = minutesToMs(SLOT_MINUTES);
  const starts: number[] = [];
  for (const [from, to] of window.intervals) {
    const first = HORIZON_START_MS + Math.ceil((from - HORIZON_START_MS) / slotMs) * slotMs;
    for (let start = first; start + durationMs <= to; start += slotMs) starts.push(start);
  }
  return starts;
}

/** Adds availability around a planted session the person could not otherwise attend. */
function widenToCover(random: Random, person: DraftPerson, startMs: number, endMs: number): void {
  if (IntervalSet.union(person.spans).contains(startMs, endMs)) return;
  person.spans.push([startMs - minutesToMs(slotsBetween(random, 0, 90)), endMs + minutesToMs(slotsBetween(random, 0, 90))]);
}

/** The instance as planting sees it: people always available (their availability is judged apart), venues as they are. */
function draftInstance(draft: Draft, sessions: SessionSpec[]): Instance {
  return {
    ...baseInstance(draft),
    people: draft.people.map(({ id, role, maxSessionsPerDay }) => ({ id, role, ...(maxSessionsPerDay && { maxSessionsPerDay }) })),
    venues: draft.venues.map(venueOf),
    sessions,
  };
}

function baseInstance(draft: Draft): Omit<Instance, 'people' | 'venues' | 'sessions'> {
  return {
    version: 1,
    horizon: { start: formatInstant(HORIZON_START_MS), end: formatInstant(HORIZON_END_MS) },
    slotMinutes: SLOT_MINUTES,
    timezone: ZONE,
    defaultTravelMinutes: 30,
    travel: draft.travel,
    separations: draft.cases.map((c) => ({ people: [c.victim.id, c.offender.id], minutes: 60 })),
  };
}

function venueOf(venue: DraftVenue): Venue {
  const { id, capacity, accessible, remote, spans } = venue;
  return {
    id,
    ...(capacity !== undefined && { capacity }),
    ...(accessible !== undefined && { accessible }),
    ...(spans && { available: spans.map(toInterval) }),
    ...(remote && { remote }),
  };
}

/** Fixed bookings, referral dates and deadlines, all kept by the planted plan. */
function addBookingsAndBounds(random: Random, draft: Draft, planted: Map<string, Planted>): void {
  const referral = new Map(draft.cases.map((c) => [c.id, c.referralDay]));
  for (const { spec, startMs, venue } of planted.values()) {
    const first = spec.id.endsWith('-1');
    if (first && random.chance(0.05)) {
      spec.fixed = { start: formatInstant(startMs), venue };
      continue;
    }
    if (first && random.chance(0.5)) spec.notBefore = formatInstant(localTime(referral.get(spec.case)!, '00:00'));
    if (random.chance(0.08)) {
      const endDay = dayOf(startMs + minutesToMs(spec.durationMinutes));
      spec.notAfter = formatInstant(Math.min(HORIZON_END_MS, localTime(endDay + random.int(1, 5), '00:00')));
    }
  }
}

/** Scarce: prisons down to two visiting sessions a week, a share of everyone's days gone; what fixed sessions need stays. */
function cutAvailability(random: Random, draft: Draft, planted: Map<string, Planted>): void {
  const fixedTimes = new Map<string, Span[]>();
  for (const { spec, startMs, venue } of planted.values()) {
    if (!spec.fixed) continue;
    const span: Span = [startMs, startMs + minutesToMs(spec.durationMinutes)];
    for (const owner of [venue, ...spec.attendees]) fixedTimes.set(owner, [...(fixedTimes.get(owner) ?? []), span]);
  }
  // A span that overlaps a fixed session is kept: together such spans cover it.
  const cut = (owner: string, spans: Span[], drop: (span: Span) => boolean): Span[] =>
    spans.filter((span) => (fixedTimes.get(owner) ?? []).some(([from, to]) => span[0] < to && from < span[1]) || !drop(span));
  for (const venue of draft.venues) {
    if (!venue.spans) continue;
    if (venue.prison) {
      const kept = new Set(random.sample([...new Set(venue.spans.map(visitingKey))], 2));
      venue.spans = cut(venue.id, venue.spans, (span) => !kept.has(visitingKey(span)));
    } else venue.spans = cut(venue.id, venue.spans, () => random.chance(0.15));
  }
  for (const person of draft.people) {
    const share = person.role === 'facilitator' ? 0.2 : 0.35;
    person.spans = cut(person.id, person.spans, () => random.chance(share));
  }
}

function visitingKey([start]: Span): string {
  return `${weekday(dayOf(start))} ${formatInstant(start).slice(11, 16)}`;
}

const SESSION_ORDER = ['prep-victim-1', 'prep-victim-2', 'prep-offender-1', 'prep-offender-2', 'conference', 'follow-up'];

function toInstance(random: Random, draft: Draft, planted: Map<string, Planted>): Instance {
  const rank = (id: string) => {
    const [caseId, step] = id.split('/');
    return Number(caseId.slice(1)) * SESSION_ORDER.length + SESSION_ORDER.indexOf(step);
  };
  return {
    ...baseInstance(draft),
    people: draft.people.map(
      ({ id, role, maxSessionsPerDay, spans }): Person => ({
        id,
        role,
        ...(maxSessionsPerDay && { maxSessionsPerDay }),
        available: splitSome(random, spans).map(toInterval),
      }),
    ),
    venues: draft.venues.map((v) => venueOf(v.spans ? { ...v, spans: splitSome(random, v.spans) } : v)),
    sessions: [...planted.values()].map((p) => p.spec).sort((a, b) => rank(a.id) - rank(b.id)),
  };
}

/** Merged and sorted, with some spans cut in two at a slot boundary, as diaries come: the solver must join them again. */
function splitSome(random: Random, spans: Span[]): Span[] {
  const slotMs = minutesToMs(SLOT_MINUTES);
  return IntervalSet.union(spans)
    .intervals.flatMap(([from, to]): Span[] => {
      const slots = (to - from) / slotMs;
      if (slots < 2 || !random.chance(0.08)) return [[from, to]];
      const cut = from + random.int(1, slots - 1) * slotMs;
      return [[from, cut], [cut, to]];
    });
}

function toInterval([from, to]: Span): Interval {
  return [formatInstant(from), formatInstant(to)];
}
