import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldViolation, InvalidInputError } from './domain-errors';

/** Flattens class-validator's tree into one violation per field and rule, with dotted paths. */
export function toFieldViolations(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      message: rule === 'whitelistValidation' ? `${field} is not a known field` : qualify(message, error.property, field),
    }));
    return [...own, ...toFieldViolations(error.children ?? [], field)];
  });
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
