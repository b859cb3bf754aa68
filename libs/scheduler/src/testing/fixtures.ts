import { Instance, Person, SessionSpec } from '../model';
import { PlanToCheck } from '../parse-plan';
import { formatInstant } from '../time';

/** Hand-made instances for specs: four weeks from Monday 4 January 2027, 15-minute slots, UTC = London time. */

/** The instant `day` days after Monday 4 January 2027 (0 = that Monday) at hh:mm UTC. */
export function at(day: number, hhmm: string): string {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return formatInstant(Date.UTC(2027, 0, 4 + day, hours, minutes));
}

export function makeInstance(parts: Partial<Instance>): Instance {
  return {
    version: 1,
    horizon: { start: at(0, '00:00'), end: at(28, '00:00') },
    slotMinutes: 15,
    timezone: 'Europe/London',
    defaultTravelMinutes: 30,
    people: [],
    venues: [],
    sessions: [],
    ...parts,
  };
}

export function person(id: string, extra: Partial<Person> = {}): Person {
  return { id, role: 'other', ...extra };
}

export function session(id: string, attendees: string[], venues: string[], extra: Partial<SessionSpec> = {}): SessionSpec {
  return { id, case: id.split('/')[0], kind: 'preparation', durationMinutes: 60, attendees, venues, ...extra };
}

/** A plan from `[session, start, venue]` triples; the sessions of the instance not assigned are unscheduled. */
export function planOf(instance: Instance, assignments: Array<[string, string, string]>, conflicts: string[] = []): PlanToCheck {
  const assigned = new Set(assignments.map(([id]) => id));
  return {
    assignments: assignments.map(([session, start, venue]) => ({ session, start, venue })),
    unscheduled: instance.sessions.filter((s) => !assigned.has(s.id)).map((s) => ({ session: s.id, reason: 'not placed' })),
    conflicts: conflicts.map((session) => ({ session, reason: 'fixed' })),
  };
}

/** A copy of the instance with one session changed. */
export function withSession(instance: Instance, id: string, change: Partial<SessionSpec>): Instance {
  return { ...instance, sessions: instance.sessions.map((s) => (s.id === id ? { ...s, ...change } : s)) };
}
