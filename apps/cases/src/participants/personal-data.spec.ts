import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { firstValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';
import { RPC_PATTERNS, type ContactRouteResponseV1, type ContactRoutesResponseV1 } from '#contracts';
import { RpcClient } from '#messaging';
import { FieldCipher, NamespacedRedisClient, PlatformConfig, redisTransportOptions, startRpc, UnavailableError } from '#platform';
import { createTestApp, TEST_ENCRYPTION_KEY, type TestApp } from '#testing';
import { CasesFactory, personHarmedBody, personResponsibleBody } from '../../test/cases.factory';
import { CasesModule } from '../cases.module';

describe('participants\' personal data', () => {
  let t: TestApp;
  let cases: CasesFactory;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await createTestApp([CasesModule]);
    cases = new CasesFactory(t.http, t.token('coordinator'), t.token('manager'));
    dataSource = t.app.get<DataSource>(getDataSourceToken('cases'));
  });

  afterAll(() => t.close());

  it('holds no name, number, email, address or access need in clear in any column', async () => {
    const kase = await cases.referral();
    const added = await cases.participant(kase.id, personHarmedBody);
    expect(added).toMatchObject({ name: 'Sarah Jones', phone: '+447700900123', email: 'sarah.j@example.org' });

    const [raw] = await dataSource.query('SELECT * FROM cases.participant WHERE id = $1', [added.id]);
    const everything = JSON.stringify(raw);
    for (const secret of ['Sarah', 'Jones', '7700900123', '7700 900123', 'sarah.j@', 'Elm Road', 'ME14', 'wheelchair']) {
      expect(everything).not.toContain(secret);
    }
    expect(raw.name_ciphertext).toMatch(/^v1\.test1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    const dump: { t: string }[] = await dataSource.query(`SELECT string_agg(t::text, ' ') AS t FROM cases.outbox_event t`);
    expect(dump[0]!.t).not.toMatch(/Sarah|7700900123|Elm Road/);
    expect((await cases.ok('get', `/cases/${kase.id}/participants/${added.id}`, cases.coordinator)).address).toBe(
      '12 Elm Road, Maidstone ME14 2AB',
    );
  });

  it('binds each ciphertext to its record: a value copied onto another participant does not decrypt', async () => {
    const kase = await cases.referral();
    const a = await cases.participant(kase.id, personHarmedBody);
    const b = await cases.participant(kase.id, { ...personHarmedBody, name: 'Other Person' });
    await dataSource.query(
      'UPDATE cases.participant SET name_ciphertext = (SELECT name_ciphertext FROM cases.participant WHERE id = $1) WHERE id = $2',
      [a.id, b.id],
    );
    const read = await cases.call('get', `/cases/${kase.id}/participants/${b.id}`, cases.coordinator);
    expect(read.status).toBe(500);
    expect(read.body).toEqual({ statusCode: 500, error: 'internal', message: 'Internal error', correlationId: expect.any(String) });
  });

  it('still reads values written under an older key after the key rotates', () => {
    const config = (keys: string, current: string) =>
      Object.assign(new PlatformConfig(), { ENCRYPTION_KEYS: keys, ENCRYPTION_KEY_ID: current });
    const newKey = randomBytes(32).toString('base64');
    const before = new FieldCipher(config(`test1:${TEST_ENCRYPTION_KEY}`, 'test1'));
    const after = new FieldCipher(config(`test2:${newKey},test1:${TEST_ENCRYPTION_KEY}`, 'test2'));
    const stored = before.encrypt('07700 900123', 'participant:x:phone');
    expect(after.decrypt(stored, 'participant:x:phone')).toBe('07700 900123');
    expect(after.isStale(stored)).toBe(true);
    expect(after.encrypt('07700 900123', 'participant:x:phone')).toMatch(/^v1\.test2\./);
    expect(() => after.decrypt(stored, 'participant:y:phone')).toThrow();
  });

  it('validates a participant as a whole, naming each field and rule', async () => {
    const kase = await cases.referral();
    const response = await cases.call('post', `/cases/${kase.id}/participants`, cases.coordinator, {
      role: 'supporter',
      name: 'Some One',
      safeChannels: { sms: true, voicemail: false, email: true, letters: true },
      inCustody: true,
      timeZone: 'Mars/Olympus',
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'timeZone', rule: 'isTimeZone', message: 'timeZone Mars/Olympus is not an IANA time zone' },
      { field: 'inCustody', rule: 'personResponsibleOnly', message: 'only a person responsible can be recorded as in custody' },
      { field: 'establishment', rule: 'requiredInCustody', message: 'establishment is required for a person in custody' },
      {
        field: 'safeChannels',
        rule: 'noDirectContactInCustody',
        message: 'a person in custody is reached through the prison or their offender manager, not by SMS or email',
      },
      { field: 'safeChannels.sms', rule: 'needsPhone', message: 'SMS cannot be safe without a phone number' },
      { field: 'safeChannels.email', rule: 'needsEmail', message: 'email cannot be safe without an email address' },
      { field: 'safeChannels.letters', rule: 'needsLetterAddress', message: 'letters cannot be safe without a letter address' },
    ]);
    const rows = await dataSource.query('SELECT count(*)::int AS n FROM cases.participant WHERE case_id = $1', [kase.id]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses malformed input with a 400 naming the field, never a stack trace', async () => {
    const missing = await cases.call('post', '/cases', cases.coordinator, { source: 'carrier-pigeon', initiatedBy: 'person-harmed', surprise: 1 });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('validation-failed');
    const fields = (missing.body.details as { field: string; rule: string }[]).map((d) => `${d.field}:${d.rule}`);
    expect(fields).toEqual(
      expect.arrayContaining(['source:isIn', 'offenceCategory:isIn', 'domesticAbuse:isBoolean', 'receivedAt:isIso8601', 'surprise:whitelistValidation']),
    );
    const badId = await cases.call('get', '/cases/not-a-uuid', cases.coordinator);
    expect(badId.body).toEqual({
      statusCode: 400,
      error: 'validation-failed',
      message: 'caseId must be a UUID',
      details: [{ field: 'caseId', rule: 'isUuid', message: 'caseId must be a UUID' }],
    });
    const nested = await cases.call('post', `/cases/${(await cases.referral()).id}/participants`, cases.coordinator, {
      role: 'person-harmed',
      name: 'X',
      safeChannels: { sms: 'yes' },
    });
    expect(nested.body.details).toEqual(
      expect.arrayContaining([
        { field: 'safeChannels.sms', rule: 'isBoolean', message: 'safeChannels.sms must be a boolean value' },
        { field: 'safeChannels.email', rule: 'isBoolean', message: 'safeChannels.email must be a boolean value' },
      ]),
    );
    const broken = await cases
      .call('post', '/cases', cases.coordinator)
      .set('Content-Type', 'application/json')
      .send('{"source": "police",');
    expect(broken.status).toBe(400);
    expect(JSON.stringify(broken.body)).not.toMatch(/at .*\.js/);
  });

  describe('the contact route answered over the Redis transport', () => {
    beforeAll(() => startRpc(t.app));

    it('gives the offender manager\'s safe channels for a person in custody, and audits who read them', async () => {
      const kase = await cases.referral();
      const responsible = await cases.participant(kase.id, personResponsibleBody);
      const manager = await cases.participant(kase.id, {
        role: 'offender-manager',
        name: 'Olu Probation',
        phone: '01632 960924',
        email: 'olu@probation.example.net',
        supportsParticipantId: responsible.id,
        safeChannels: { sms: false, voicemail: false, email: true, letters: false },
      });
      const client = new RpcClient(t.app.get(PlatformConfig));
      try {
        const route = await client.request<ContactRouteResponseV1>(RPC_PATTERNS.contactRoute, { caseId: kase.id, participantId: responsible.id });
        expect(route).toEqual({
          participantId: responsible.id,
          recipient: {
            participantId: manager.id,
            role: 'offender-manager',
            relation: 'offender-manager-for-person-in-custody',
            firstName: 'Olu',
            language: 'en',
            timeZone: 'Europe/London',
            discreet: false,
            sms: null,
            email: 'olu@probation.example.net',
          },
          unreachableReason: null,
        });
      } finally {
        await client.onApplicationShutdown();
      }
      const audit = await dataSource.query(`SELECT actor_user_id, subject FROM cases.audit_entry WHERE case_id = $1 AND subject = 'contact-route'`, [kase.id]);
      expect(audit).toEqual([{ actor_user_id: 'service:notifications', subject: 'contact-route' }]);
    });

    it('answers many routes in one request, in the order asked, each audited; a malformed batch is refused naming the field', async () => {
      const [first, second] = [await cases.referral(), await cases.referral()];
      const harmed = await cases.participant(first.id, personHarmedBody);
      const responsible = await cases.participant(second.id, personResponsibleBody);
      const stranger = '00000000-0000-4000-8000-000000000000';
      const client = new RpcClient(t.app.get(PlatformConfig));
      try {
        const answer = await client.request<ContactRoutesResponseV1>(RPC_PATTERNS.contactRoutes, {
          routes: [
            { caseId: second.id, participantId: responsible.id },
            { caseId: first.id, participantId: harmed.id },
            { caseId: first.id, participantId: stranger },
            { caseId: 'x', participantId: harmed.id },
          ],
        });
        expect(answer.routes.map((r) => [r.participantId, r.recipient?.firstName ?? r.unreachableReason])).toEqual([
          [responsible.id, 'the person is in custody and the case has no offender manager for them'],
          [harmed.id, 'Sarah'],
          [stranger, 'the participant is not on the case'],
          [harmed.id, 'caseId and participantId must be UUIDs'],
        ]);
        await expect(client.request(RPC_PATTERNS.contactRoutes, { routes: 'all' })).rejects.toThrow(
          'cases.contact-routes.v1: routes must be an array of at most 500 { caseId, participantId }',
        );
      } finally {
        await client.onApplicationShutdown();
      }
      const audit = await dataSource.query(`SELECT case_id, subject_id FROM cases.audit_entry WHERE case_id = ANY($1) AND subject = 'contact-route' ORDER BY id`, [[first.id, second.id]]);
      expect(audit).toEqual([
        { case_id: second.id, subject_id: responsible.id },
        { case_id: first.id, subject_id: harmed.id },
        { case_id: first.id, subject_id: stranger },
      ]);
    });

    it('fails a request nobody answers with a clear error naming the pattern', async () => {
      const config = Object.assign(new PlatformConfig(), { REDIS_URL: t.env.REDIS_URL, QUEUE_PREFIX: t.env.QUEUE_PREFIX, RPC_TIMEOUT_MS: 300 });
      const client = new RpcClient(config);
      try {
        await expect(client.request('cases.nobody-listens.v1', {})).rejects.toEqual(
          new UnavailableError('cases.nobody-listens.v1: no answer within 300 ms'),
        );
      } finally {
        await client.onApplicationShutdown();
      }
    });

    it('answers a malformed request with a reason rather than an error', async () => {
      const proxy = new NamespacedRedisClient(redisTransportOptions(t.env.REDIS_URL!), t.env.QUEUE_PREFIX!);
      const route = await firstValueFrom(proxy.send(RPC_PATTERNS.contactRoute, { caseId: 'x' }));
      await proxy.close();
      expect(route).toEqual({ participantId: 'undefined', recipient: null, unreachableReason: 'caseId and participantId must be UUIDs' });
    });
  });
});
