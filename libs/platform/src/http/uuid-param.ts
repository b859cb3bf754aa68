import { Param, ParseUUIDPipe } from '@nestjs/common';
import { InvalidInputError } from '../errors/domain-errors';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      version: undefined,
      exceptionFactory: () => InvalidInputError.field(name, 'isUuid', `${name} must be a UUID`),
    }),
  );
