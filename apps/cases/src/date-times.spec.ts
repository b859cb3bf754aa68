import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { createValidationPipe, type FieldViolation, InvalidInputError } from '#platform';
import { ContactAttemptDto } from './referrals/dto/contact-attempt.dto';
import { CreateReferralDto } from './referrals/dto/create-referral.dto';
import { RecordConsentDto, WithdrawConsentDto } from './consent/dto/consent.dto';
import { RecordOutcomeAgreementDto, UpdateActionDto } from './outcomes/dto/outcome.dto';
import { RequestSessionDto } from './session-requests/dto/session-request.dto';
import { referralBody } from '../test/cases.factory';

/**
 * Every time cases takes is an instant and must say which one: without an offset JavaScript
 * reads it in the server's own zone (a date alone as UTC midnight), so the same request would
 * record another hour on a server set to Europe/London than on one set to UTC.
 */
const PARTICIPANT = '7d1f0c2e-8f4a-4b6e-9a51-0c3e5d2b1a77';

const BODIES: [string, new () => object, Record<string, unknown>, string[]][] = [
  ['a referral', CreateReferralDto, referralBody, ['receivedAt']],
  ['a contact attempt', ContactAttemptDto, { channel: 'phone', outcome: 'reached', attemptedAt: '2026-11-26T09:30:00Z' }, ['attemptedAt']],
  ['a consent', RecordConsentDto, { scope: 'participation', method: 'written', givenAt: '2026-11-26T09:30:00+00:00' }, ['givenAt']],
  ['a consent withdrawn', WithdrawConsentDto, { withdrawnAt: '2026-11-26T09:30:00Z' }, ['withdrawnAt']],
  ['a session request', RequestSessionDto, { kind: 'preparation', participantIds: [PARTICIPANT], notBefore: '2026-11-26T09:30:00Z' }, ['notBefore']],
  [
    'an outcome agreement',
    RecordOutcomeAgreementDto,
    { madeAt: '2026-11-26T09:30:00Z', actions: [{ description: 'A letter', dueBy: '2027-01-31T17:00:00Z', checkMethod: 'Facilitator receives it' }] },
    ['madeAt', 'actions[0].dueBy'],
  ],
  ['an action update', UpdateActionDto, { status: 'completed', completedAt: '2026-11-26T09:30:00Z' }, ['completedAt']],
];

const pipe = createValidationPipe();

async function violations(metatype: new () => object, body: unknown): Promise<FieldViolation[]> {
  try {
    await pipe.transform(body, { type: 'body', metatype });
    return [];
  } catch (error) {
    if (error instanceof InvalidInputError) return error.details as FieldViolation[];
    throw error;
  }
}

/** A copy of body with the value at a path such as actions[0].dueBy replaced. */
function withValue(body: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split(/[.[\]]+/).filter(Boolean);
  const last = keys.pop()!;
  keys.reduce((at, key) => at[key] as Record<string, unknown>, copy)[last] = value;
  return copy;
}

describe('times taken by cases', () => {
  it.each(BODIES)('takes %s whose times carry their offset', async (_, dto, body) => {
    expect(await violations(dto, body)).toEqual([]);
  });

  const naive = BODIES.flatMap(([what, dto, body, fields]) =>
    fields.flatMap((field) => ['2026-11-26T09:30:00', '2026-11-26'].map((value) => [what, field, value, dto, body] as const)),
  );
  it.each(naive)('refuses %s with %s %s, a 400 naming the field', async (_, field, value, dto, body) => {
    expect(await violations(dto, withValue(body, field, value))).toEqual([
      { field, rule: 'hasOffset', message: `${field} must be a date and time with its offset, e.g. 2027-01-05T10:00:00Z` },
    ]);
  });

  it('asks for an offset on every date-time field of every DTO it has', () => {
    const dtoFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? dtoFiles(join(dir, entry.name)) : dir.endsWith('/dto') && entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
      );
    const rulesByField = new Map<string, Set<string>>();
    for (const file of dtoFiles(__dirname)) {
      for (const exported of Object.values(require(file) as Record<string, unknown>)) {
        if (typeof exported !== 'function') continue;
        for (const rule of getMetadataStorage().getTargetValidationMetadatas(exported, '', true, false)) {
          const key = `${exported.name}.${rule.propertyName}`;
          rulesByField.set(key, (rulesByField.get(key) ?? new Set()).add(rule.name ?? rule.type));
        }
      }
    }
    const dateTimes = [...rulesByField].filter(([, rules]) => rules.has('isIso8601'));
    // The fields the table above sends without an offset: a new one belongs there too.
    expect(dateTimes.map(([field]) => field).sort()).toEqual([
      'ContactAttemptDto.attemptedAt',
      'CreateReferralDto.receivedAt',
      'OutcomeActionDto.dueBy',
      'RecordConsentDto.givenAt',
      'RecordOutcomeAgreementDto.madeAt',
      'RequestSessionDto.notBefore',
      'UpdateActionDto.completedAt',
      'WithdrawConsentDto.withdrawnAt',
    ]);
    expect(dateTimes.filter(([, rules]) => !rules.has('hasOffset')).map(([field]) => field)).toEqual([]);
  });
});
