import { FieldError, field, optional, readEach, readInstant, readObject, readString } from './fields';
import { Assignment, Conflict, Unscheduled } from './model';

/** A malformed plan. The message is one line: the field path, then the problem. */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

/** What checking a plan needs of it; `stats` is the solver's own account and is not judged. */
export interface PlanToCheck {
  assignments: Assignment[];
  unscheduled: Unscheduled[];
  conflicts?: Conflict[];
}

/**
 * Reads a plan's JSON for checking: its shape only (arrays of objects with the right field types,
 * starts as ISO-8601 UTC instants). Which sessions it names, and when, is for checkPlan to judge.
 * `conflicts` may be left out; `stats` and unknown fields are ignored.
 */
export function parsePlan(json: unknown): PlanToCheck {
  try {
    const root = readObject(json, 'plan');
    return {
      assignments: readEach(root.assignments, 'assignments', readAssignment),
      unscheduled: readEach(root.unscheduled, 'unscheduled', readNote),
      conflicts: optional(root, 'conflicts', '', (value, path) => readEach(value, path, readNote)) ?? [],
    };
  } catch (error) {
    if (error instanceof FieldError) throw new PlanError(error.message);
    throw error;
  }
}

function readAssignment(value: unknown, path: string): Assignment {
  const json = readObject(value, path);
  return {
    session: readString(json.session, field(path, 'session')),
    start: readInstant(json.start, field(path, 'start')).text,
    venue: readString(json.venue, field(path, 'venue')),
  };
}

function readNote(value: unknown, path: string): Unscheduled {
  const json = readObject(value, path);
  return { session: readString(json.session, field(path, 'session')), reason: readString(json.reason, field(path, 'reason')) };
}
