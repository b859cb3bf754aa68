import { InvalidInputError } from '#platform';
import type { WeeklyWindow } from './weekly-hours';

/** Refuses a window that ends before it starts, naming it: `hours[2].end`. */
export function requireOrdered(field: string, windows: readonly WeeklyWindow[]): void {
  const violations = windows.flatMap((w, index) =>
    w.end > w.start ? [] : [{ field: `${field}[${index}].end`, rule: 'isAfterStart', message: `${field}[${index}].end must be after its start` }],
  );
  if (violations.length > 0) throw new InvalidInputError(violations);
}
