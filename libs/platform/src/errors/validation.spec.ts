import { Type } from 'class-transformer';
import { IsInt, IsString, Max, ValidateNested } from 'class-validator';
import { InvalidInputError } from './domain-errors';
import { createValidationPipe } from './validation';

class Window {
  @IsInt() @Max(7) weekday!: number;
  @IsString() end!: string;
}

class Venue {
  @ValidateNested({ each: true })
  @Type(() => Window)
  hours!: Window[];

  @ValidateNested()
  @Type(() => Window)
  main!: Window;
}

async function refusal(body: unknown) {
  const error = await createValidationPipe()
    .transform(body, { type: 'body', metatype: Venue })
    .then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidInputError);
  return (error as InvalidInputError).details;
}

describe('validation errors', () => {
  it('name a field inside an array item as JavaScript does, hours[1].weekday, as services name theirs', async () => {
    expect(await refusal({ hours: [{ weekday: 1, end: '17:00' }, { weekday: 8, end: '17:00', extra: 1 }], main: { weekday: 1, end: 5 } })).toEqual([
      { field: 'hours[1].extra', rule: 'whitelistValidation', message: 'hours[1].extra is not a known field' },
      { field: 'hours[1].weekday', rule: 'max', message: 'hours[1].weekday must not be greater than 7' },
      { field: 'main.end', rule: 'isString', message: 'main.end must be a string' },
    ]);
  });
});
