import { Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import request from 'supertest';
import { type DomainEvent, type PollAnsweredV1, type PollLinkResponseV1, RPC_PATTERNS } from '#contracts';
import { RpcClient } from '#messaging';
import { loadConfig, PlatformConfig, startRpc } from '#platform';
import { createTestApp, type TestApp } from '#testing';
import { OFFICE_HOURS, SchedulingFactory, type TestCase } from '../../test/scheduling.factory';
import { SchedulingConfig } from '../scheduling.config';
import { SchedulingWorkerModule } from '../scheduling-worker.module';

interface Poll {
  id: string;
  token: string;
  candidates: { optionId: string; start: string; end: string }[];
}

describe('availability polls', () => {
  let t: TestApp;
  let f: SchedulingFactory;
  let hub: { id: string };

  beforeAll(async () => {
    t = await createTestApp([SchedulingWorkerModule], { PUBLIC_BASE_URL: 'https://convene.example.org/' });
    f = new SchedulingFactory(t, t.token('coordinator', 'org-a'));
    hub = await f.venue({ kind: 'community', label: 'Hub' });
  });

  afterAll(() => t.close());

  const participant = (method: 'get' | 'post', path: string, body?: object) => {
    const call = request(t.http)[method](path);
    return body ? call.send(body) : call;
  };

  async function pollFor(harmed: Parameters<SchedulingFactory['case']>[0] = {}): Promise<{ c: TestCase; session: string; poll: Poll }> {
    const c = await f.case(harmed);
    for (const facilitator of c.facilitators) await f.weekly(facilitator, OFFICE_HOURS);
    // The co-facilitator is away the first week: no candidate may fall there.
    await f.ok('post', `/people/${c.facilitators[1]}/availability/exceptions`, {
      start: new Date().toISOString(),
      end: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      available: false,
    });
    const session = await f.request(c, 'preparation', [c.harmed]);
    const poll = await f.ok<Poll>('post', `/sessions/${session}/polls`, { participantId: c.harmed, count: 4 });
    return { c, session, poll };
  }

  it('offers times that suit everyone else, spread apart, and shows the participant nothing but times', async () => {
    const { poll } = await pollFor();
    expect(poll.candidates).toHaveLength(4);
    const starts = poll.candidates.map((c) => Date.parse(c.start));
    for (const [i, start] of starts.entries()) {
      expect(start).toBeGreaterThanOrEqual(Date.now() + 7 * 86_400_000);
      if (i > 0) expect(start - starts[i - 1]!).toBeGreaterThanOrEqual(3 * 3_600_000);
    }
    const page = await participant('get', `/polls/${poll.token}`);
    expect(page.status).toBe(200);
    expect(Object.keys(page.body).sort()).toEqual(['candidates', 'chosen', 'expiresAt', 'status', 'timeZone']);
    expect(page.body).toMatchObject({ candidates: poll.candidates, status: 'open', chosen: null, timeZone: 'Europe/London' });
  });

  it('turns the answer into availability: the ticked time becomes the first bookable option, and a new answer replaces it', async () => {
    const { session, poll } = await pollFor();
    const [first, second, third] = poll.candidates;
    expect((await participant('post', `/polls/${poll.token}/answer`, { starts: [second!.start] })).body).toMatchObject({ status: 'answered', chosen: [second!.start] });
    const options = await f.ok<{ start: string; nearMiss?: object }[]>('get', `/sessions/${session}/suggestions?k=3`);
    expect(options[0]).toMatchObject({ start: second!.start });
    expect(options.filter((o) => !o.nearMiss).map((o) => o.start)).toEqual([second!.start]);
    // The untaken times are still shown, as near misses the person harmed alone stands in the way of.
    expect(options.filter((o) => o.nearMiss)).toEqual([expect.objectContaining({ start: first!.start, nearMiss: expect.objectContaining({ role: 'person-harmed' }) }), expect.anything()]);

    await participant('post', `/polls/${poll.token}/answer`, { starts: [third!.start] });
    const [now] = await f.ok<{ start: string; venueId: string }[]>('get', `/sessions/${session}/suggestions?k=1`);
    expect(now!.start).toBe(third!.start);
    expect((await f.call('post', `/sessions/${session}/hold`, { start: now!.start, venueId: hub.id })).status).toBe(200);
  });

  it('refuses a time not offered, a forged or altered link, and a poll for someone not in the session', async () => {
    const { c, session, poll } = await pollFor();
    const wrong = await participant('post', `/polls/${poll.token}/answer`, { starts: ['2031-01-01T10:00:00Z'] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'starts[0]', rule: 'isCandidate' })]);
    const altered = poll.token.slice(0, -3) + (poll.token.endsWith('AAA') ? 'BBB' : 'AAA');
    for (const token of [altered, 'v1.test1.x.y.z', 'nonsense']) {
      expect((await participant('get', `/polls/${token}`)).body).toMatchObject({ statusCode: 404, message: 'poll for this link not found' });
    }
    const outsider = await f.call('post', `/sessions/${session}/polls`, { participantId: c.responsible });
    expect(outsider.status).toBe(400);
    expect(outsider.body.details).toEqual([expect.objectContaining({ field: 'participantId', rule: 'isAttendee' })]);
  });

  /** A poll answer as the notifications service publishes it, from a reply to the poll message. */
  function answered(payload: PollAnsweredV1): DomainEvent<'poll.answered'> {
    return { ...f.event('poll.answered', payload, null), source: 'notifications' };
  }

  it('announces the poll, in its transaction, with times and stable option ids only: no link, no one else', async () => {
    const { c, session, poll } = await pollFor();
    const events = await f.outbox('poll.opened', c.caseId);
    expect(events.map((e) => e.payload)).toEqual([
      {
        pollId: poll.id,
        sessionId: session,
        participantId: c.harmed,
        options: poll.candidates.map((o) => ({ optionId: o.optionId, startsAt: o.start, endsAt: o.end })),
        closesAt: expect.any(String),
      },
    ]);
    expect(new Set(poll.candidates.map((o) => o.optionId)).size).toBe(poll.candidates.length);
    // Stable: the coordinators' view and the participant's give the same ids later.
    expect((await f.ok<Poll[]>('get', `/sessions/${session}/polls`))[0]!.candidates).toEqual(poll.candidates);
    expect((await participant('get', `/polls/${poll.token}`).set('Accept', 'application/json')).body.candidates).toEqual(poll.candidates);
  });

  it('turns answers given in reply to the poll message (poll.answered) into bookable options, by the page\'s own path', async () => {
    const { c, session, poll } = await pollFor();
    const [opened] = await f.outbox('poll.opened', c.caseId);
    const [first, second] = opened!.payload.options as { optionId: string; startsAt: string }[];
    const reply = answered({ pollId: poll.id, participantId: c.harmed, chosenOptionIds: [second!.optionId], answeredAt: new Date().toISOString() });
    expect(await f.deliver(reply)).toBe('handled');
    expect(await f.deliver(reply)).toBe('duplicate');

    const options = await f.ok<{ start: string; venueId: string; nearMiss?: object }[]>('get', `/sessions/${session}/suggestions?k=3`);
    expect(options.filter((o) => !o.nearMiss).map((o) => o.start)).toEqual([second!.startsAt]);
    expect(options.find((o) => o.start === first!.startsAt)?.nearMiss).toMatchObject({ personId: c.harmed, role: 'person-harmed' });
    expect((await participant('get', `/polls/${poll.token}`)).body).toMatchObject({ status: 'answered', chosen: [second!.startsAt] });

    await f.ok('post', `/sessions/${session}/hold`, { start: options[0]!.start, venueId: options[0]!.venueId });
    expect(await f.ok('post', `/sessions/${session}/confirm`)).toMatchObject({ status: 'booked', startsAt: new Date(second!.startsAt).toISOString() });
    // Booked: the poll has done its work and takes no more answers.
    expect((await participant('get', `/polls/${poll.token}`)).body.status).toBe('closed');
    expect((await participant('post', `/polls/${poll.token}/answer`, { starts: [first!.startsAt] })).body).toMatchObject({ statusCode: 409, error: 'poll-closed' });
  });

  it('ignores, with a log line, a poll answer from someone else, with an option never offered, or older than the one recorded', async () => {
    const logged = jest.spyOn(Logger.prototype, 'log');
    try {
      const { c, poll } = await pollFor();
      const [first, second, third] = poll.candidates;
      const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
      await f.deliver(answered({ pollId: poll.id, participantId: c.harmed, chosenOptionIds: [second!.optionId], answeredAt: at(5) }));
      await f.deliver(answered({ pollId: poll.id, participantId: c.harmed, chosenOptionIds: [first!.optionId], answeredAt: at(10) }));
      await f.deliver(answered({ pollId: poll.id, participantId: c.responsible, chosenOptionIds: [third!.optionId], answeredAt: at(1) }));
      await f.deliver(answered({ pollId: poll.id, participantId: c.harmed, chosenOptionIds: ['00000000-0000-4000-8000-000000000000'], answeredAt: at(1) }));
      expect((await participant('get', `/polls/${poll.token}`)).body.chosen).toEqual([second!.start]);
      const lines = logged.mock.calls.map(([message]) => String(message)).filter((line) => line.includes(poll.id));
      expect(lines).toEqual([
        expect.stringMatching(/^poll\.answered \S+ for poll \S+ ignored: a later answer is recorded$/),
        expect.stringMatching(/ignored: the poll was sent to someone else$/),
        expect.stringMatching(/ignored: optionIds\[0\] is not one of the options offered$/),
      ]);
      for (const line of lines) expect(line).not.toMatch(new RegExp(`${c.harmed}|${c.responsible}`));
    } finally {
      logged.mockRestore();
    }
  });

  describe('the page a participant opens from their link', () => {
    const browser = (method: 'get' | 'post', token: string) => request(t.http)[method](`/polls/${token}`).set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');

    it('shows checkboxes for the times in the participant\'s own time zone and language, and nothing of anyone else', async () => {
      const { c, session, poll } = await pollFor({ language: 'cy', timeZone: 'Europe/Paris' });
      const page = await browser('get', poll.token);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', vary: expect.stringContaining('Accept') });
      expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; style-src 'sha256-[\w+/=]+'; form-action 'self'/);
      const html: string = page.text;
      expect(html).toContain('<html lang="cy">');
      expect(html).toContain('<h1>Dewiswch yr amseroedd sy&#39;n gyfleus i chi</h1>');
      const boxes = [...html.matchAll(/<label for="(option-\d+)"><input type="checkbox" id="\1" name="optionIds" value="([^"]+)">([^<]+)<\/label>/g)];
      expect(boxes.map((b) => b[2])).toEqual(poll.candidates.map((o) => o.optionId));
      for (const [i, option] of poll.candidates.entries()) {
        const start = DateTime.fromISO(option.start, { zone: 'Europe/Paris' }).setLocale('cy');
        expect(boxes[i]![3]).toContain(start.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' }));
        expect(boxes[i]![3]).toContain(start.toLocaleString(DateTime.TIME_SIMPLE));
      }
      for (const secret of [c.caseId, session, c.harmed, c.responsible, ...c.facilitators, hub.id, 'Hub', 'restorative', 'victim', 'offender']) {
        expect({ secret, shown: html.toLowerCase().includes(secret.toLowerCase()) }).toEqual({ secret, shown: false });
      }
      expect(html).not.toMatch(/<script|https?:\/\//);
    });

    it('keeps JSON for Accept: application/json, and answers a link that does not open with a page in both languages', async () => {
      const { poll } = await pollFor();
      const json = await participant('get', `/polls/${poll.token}`).set('Accept', 'application/json');
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(json.body).toMatchObject({ status: 'open', candidates: poll.candidates });
      const missing = await browser('get', 'v1.test1.x.y.z');
      expect(missing.status).toBe(404);
      expect(missing.text).toContain('This link does not work');
      expect(missing.text).toContain('<p lang="cy">Nid yw&#39;r ddolen hon yn gweithio');
    });

    it('takes the form\'s ticks as the answer, shows them ticked with a thank-you, and says so when a time was not offered', async () => {
      const { session, poll } = await pollFor();
      const [first, , third] = poll.candidates;
      const saved = await browser('post', poll.token).type('form').send(`optionIds=${first!.optionId}&optionIds=${third!.optionId}`);
      expect(saved.status).toBe(200);
      expect(saved.text).toContain('<div class="notice" role="status"><p>Thank you. Your answer is saved.</p></div>');
      expect([...saved.text.matchAll(/value="([^"]+)" checked/g)].map((m) => m[1])).toEqual([first!.optionId, third!.optionId]);
      const options = await f.ok<{ start: string; nearMiss?: object }[]>('get', `/sessions/${session}/suggestions?k=3`);
      expect(options.filter((o) => !o.nearMiss).map((o) => o.start)).toEqual([first!.start, third!.start]);

      const one = await browser('post', poll.token).type('form').send(`optionIds=${third!.optionId}`);
      expect([...one.text.matchAll(/value="([^"]+)" checked/g)].map((m) => m[1])).toEqual([third!.optionId]);
      const none = await browser('post', poll.token).type('form').send('');
      expect(none.status).toBe(200);
      expect(none.text).not.toContain(' checked');

      const forged = await browser('post', poll.token).type('form').send('optionIds=00000000-0000-4000-8000-000000000000');
      expect(forged.status).toBe(400);
      expect(forged.text).toContain('role="alert"');
    });

    it('says the form has closed once the session is cancelled', async () => {
      const { session, poll } = await pollFor();
      await f.ok('post', `/sessions/${session}/cancel`);
      expect((await browser('get', poll.token)).text).toContain('This form has closed.');
      const late = await browser('post', poll.token).type('form').send(`optionIds=${poll.candidates[0]!.optionId}`);
      expect(late.status).toBe(409);
      expect(late.text).not.toContain('type="checkbox"');
    });
  });

  describe('the link, asked for by notifications over Redis (scheduling.poll-link.v1)', () => {
    let client: RpcClient;

    beforeAll(async () => {
      await startRpc(t.app);
      client = new RpcClient(t.app.get(PlatformConfig));
    });

    afterAll(() => client.onApplicationShutdown());

    const link = (pollId: unknown, participantId: unknown) => client.request<PollLinkResponseV1>(RPC_PATTERNS.pollLink, { pollId, participantId });

    it('gives the participant\'s link under PUBLIC_BASE_URL while the poll is open, and no link otherwise', async () => {
      const { c, session, poll } = await pollFor();
      const answer = await link(poll.id, c.harmed);
      expect(answer.url).toMatch(/^https:\/\/convene\.example\.org\/polls\/[^/]+$/);
      expect(answer.closesAt).toBe((await participant('get', `/polls/${poll.token}`)).body.expiresAt);
      const opened = await participant('get', new URL(answer.url!).pathname);
      expect(opened.body.candidates).toEqual(poll.candidates);

      expect(await link(poll.id, c.responsible)).toEqual({ url: null, closesAt: null });
      expect(await link('00000000-0000-4000-8000-000000000000', c.harmed)).toEqual({ url: null, closesAt: null });
      expect(await link('not-an-id', null)).toEqual({ url: null, closesAt: null });
      await f.ok('post', `/sessions/${session}/cancel`);
      expect(await link(poll.id, c.harmed)).toEqual({ url: null, closesAt: null });
    });

    it('refuses to boot with a base URL that is not http(s), naming the setting', () => {
      expect(() => loadConfig(SchedulingConfig, { PUBLIC_BASE_URL: 'convene.example.org' })).toThrow(/PUBLIC_BASE_URL must be an http\(s\) URL/);
      expect(() => loadConfig(SchedulingConfig, { PUBLIC_BASE_URL: 'ftp://convene.example.org' })).toThrow(/PUBLIC_BASE_URL/);
    });
  });
});
