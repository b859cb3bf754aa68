import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** A date and time ending in Z or an offset in hours and minutes (+01:00, -0500), as JavaScript reads them. */
const WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i;

/**
 * An instant that says which one it is. ISO 8601 allows a time without an offset, and a date
 * alone, which JavaScript reads in the server's own time zone or as UTC midnight: the same
 * request would book another hour on a server set to Europe/London than on one set to UTC.
 * Put after @IsISO8601, which names what is malformed.
 */
export function HasOffset(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasOffset',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && WITH_OFFSET.test(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a date and time with its offset, e.g. 2027-01-05T10:00:00Z`, options),
      },
    },
    options,
  );
}
