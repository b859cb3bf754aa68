import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldViolation, InvalidInputError } from './domain-errors';

/**
 * Flattens class-validator's tree into one violation per field and rule. Paths are written as
 * in JavaScript, `hours[0].end`, the way services and the scheduler name fields too: one way
 * everywhere, so a client can match a path whichever check found it.
 */
export function toFieldViolations(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = fieldPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      message: rule === 'whitelistValidation' ? `${field} is not a known field` : qualify(message, error.property, field),
    }));
    return [...own, ...toFieldViolations(error.children ?? [], field)];
  });
}

// class-validator names an array item by its index as if it were a property.
function fieldPath(parent: string, property: string): string {
  if (!parent) return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

// class-validator names the property alone; a nested field reads better with its full path.
function qualify(message: string, property: string, field: string): string {
  return field !== property && message.startsWith(property) ? field + message.slice(property.length) : message;
}

/** The one validation approach everywhere: DTO classes, unknown fields refused, 400 with fields. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new InvalidInputError(toFieldViolations(errors)),
  });
}
