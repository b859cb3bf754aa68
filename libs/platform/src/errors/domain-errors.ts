/**
 * Errors that carry a stable code and the HTTP status they map to. Services throw these; the
 * one global filter turns them into responses, so no controller builds error bodies.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Unknown id, or a record the caller may not see: both answer 404 so existence does not leak. */
export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super(404, 'not-found', `${entity} ${id} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}

export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/** Bad input caught by a rule rather than by DTO validation; same body shape as the pipe's. */
export class InvalidInputError extends DomainError {
  constructor(violations: FieldViolation[]) {
    super(400, 'validation-failed', violations.map((v) => v.message).join('; '), violations);
  }

  static field(field: string, rule: string, message: string): InvalidInputError {
    return new InvalidInputError([{ field, rule, message }]);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

export class UnavailableError extends DomainError {
  constructor(message: string) {
    super(503, 'unavailable', message);
  }
}
