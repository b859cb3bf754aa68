import request from 'supertest';
import { createTestApp, type TestApp } from '#testing';
import { OFFICE_HOURS, SchedulingFactory, type TestCase } from '../../test/scheduling.factory';
import { SchedulingWorkerModule } from '../scheduling-worker.module';

interface Poll {
  id: string;
  token: string;
  candidates: { start: string; end: string }[];
}

describe('availability polls', () => {
  let t: TestApp;
  let f: SchedulingFactory;
  let hub: { id: string };

  beforeAll(async () => {
    t = await createTestApp([SchedulingWorkerModule]);
    f = new SchedulingFactory(t, t.token('coordinator', 'org-a'));
    hub = await f.venue({ kind: 'community', label: 'Hub' });
  });

  afterAll(() => t.close());

  const participant = (method: 'get' | 'post', path: string, body?: object) => {
    const call = request(t.http)[method](path);
    return body ? call.send(body) : call;
  };

  async function pollFor(): Promise<{ c: TestCase; session: string; poll: Poll }> {
    const c = await f.case();
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
});
