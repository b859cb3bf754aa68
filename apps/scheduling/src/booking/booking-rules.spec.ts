import { DateTime } from 'luxon';
import request from 'supertest';
import { createTestApp, type TestApp } from '#testing';
import { organisations, type SchedulingFactory } from '../../test/scheduling.factory';
import { SchedulingWorkerModule } from '../scheduling-worker.module';

/**
 * The check before a booking refuses every hard rule the database cannot see, whatever the
 * check is made of: a faster check must still refuse each of these.
 */
describe('booking refuses a time that breaks a rule', () => {
  let t: TestApp;
  const organisation = organisations(() => t, 'rules-org');

  beforeAll(async () => {
    t = await createTestApp([SchedulingWorkerModule]);
  });

  afterAll(() => t.close());

  /** Monday 09:00 London, two weeks ahead, plus some minutes, as an ISO instant. */
  const monday = DateTime.now().setZone('Europe/London').plus({ weeks: 2 }).set({ weekday: 1, hour: 9, minute: 0, second: 0, millisecond: 0 });
  const at = (minutes: number) => monday.plus({ minutes }).toUTC().toISO({ suppressMilliseconds: true })!;

  async function refused(f: SchedulingFactory, sessionId: string, start: string, venueId: string): Promise<{ error: string; rules: number[] }> {
    const answer = await f.call('post', `/sessions/${sessionId}/hold`, { start, venueId });
    expect(answer.status).toBe(409);
    const violations: { rule: number }[] = answer.body.details?.violations ?? [];
    return { error: answer.body.error, rules: violations.map((v) => v.rule) };
  }

  it('meets a person in custody only at their establishment and in its visiting slots', async () => {
    const f = organisation();
    const hub = await f.venue({ kind: 'community', label: 'Hub' });
    const prison = await f.venue({ kind: 'prison', label: 'HMP Elmley', establishment: 'hmp-elmley', hours: [{ weekday: 2, start: '14:00', end: '16:00' }] });
    const c = await f.case({}, { inCustody: true, establishment: 'hmp-elmley' });
    const session = await f.request(c, 'preparation', [c.responsible]);
    expect(await refused(f, session, at(24 * 60 + 60), prison.id)).toEqual({ error: 'rules-broken', rules: [3] });
    const outsideSlots = await f.call('post', `/sessions/${session}/hold`, { start: at(24 * 60 + 60), venueId: prison.id });
    expect(outsideSlots.body.message).toMatch(/cannot be placed there: \S+ to \S+ is outside HMP Elmley's visiting slots$/);
    expect((await refused(f, session, at(24 * 60 + 5 * 60), hub.id)).error).toBe('venue-not-allowed');
    expect((await f.call('post', `/sessions/${session}/hold`, { start: at(24 * 60 + 5 * 60), venueId: prison.id })).status).toBe(200);
  });

  it('keeps to each attendee\'s availability', async () => {
    const f = organisation();
    const video = await f.venue({ kind: 'video', label: 'Video', hours: [] });
    const c = await f.case();
    await f.weekly(c.harmed, [{ weekday: 2, start: '09:00', end: '10:00' }]);
    const session = await f.request(c, 'preparation', [c.harmed]);
    expect(await refused(f, session, at(0), video.id)).toEqual({ error: 'rules-broken', rules: [2] });
    expect((await f.call('post', `/sessions/${session}/hold`, { start: at(24 * 60), venueId: video.id })).status).toBe(200);
  });

  it('leaves a person the travel time between two venues', async () => {
    const f = organisation();
    const hub = await f.venue({ kind: 'community', label: 'Hub' });
    const annex = await f.venue({ kind: 'community', label: 'Annex' });
    const c = await f.case();
    const first = await f.request(c, 'preparation', [c.harmed]);
    const second = await f.request(c, 'preparation', [c.harmed]);
    await f.ok('post', `/sessions/${first}/hold`, { start: at(0), venueId: hub.id });
    expect(await refused(f, second, at(60), annex.id)).toEqual({ error: 'rules-broken', rules: [4] });
    expect((await f.call('post', `/sessions/${second}/hold`, { start: at(90), venueId: annex.id })).status).toBe(200);
  });

  it('holds a conference at least a day after both parties\' last preparation', async () => {
    const f = organisation();
    const video = await f.venue({ kind: 'video', label: 'Video', hours: [] });
    const c = await f.case();
    const harmedPrep = await f.request(c, 'preparation', [c.harmed]);
    const responsiblePrep = await f.request(c, 'preparation', [c.responsible]);
    const conference = await f.request(c, 'conference', [c.harmed, c.responsible]);
    await f.ok('post', `/sessions/${harmedPrep}/hold`, { start: at(0), venueId: video.id });
    await f.ok('post', `/sessions/${responsiblePrep}/hold`, { start: at(120), venueId: video.id });
    // Held predecessors bound the conference's window (rule 1) rather than being placed beside it.
    expect(await refused(f, conference, at(24 * 60 + 120), video.id)).toEqual({ error: 'rules-broken', rules: [1] });
    expect((await f.call('post', `/sessions/${conference}/hold`, { start: at(24 * 60 + 180), venueId: video.id })).status).toBe(200);
  });

  it('keeps the parties apart even when both sides are held at the same instant', async () => {
    const f = organisation();
    const hub = await f.venue({ kind: 'community', label: 'Hub' });
    const rounds = await Promise.all(
      Array.from({ length: 8 }, async (_, round) => {
        const c = await f.case();
        const sessions = [await f.request(c, 'preparation', [c.harmed]), await f.request(c, 'preparation', [c.responsible])];
        // Back to back in one room: no overlap for the reservations, but 0 of the 30 minutes apart.
        const from = Math.floor(round / 4) * 24 * 60 + (round % 4) * 120;
        return { start: (side: number) => at(from + side * 60), sessions };
      }),
    );
    const answers = await Promise.all(
      rounds.flatMap(({ start, sessions }) =>
        sessions.map((id, side) =>
          request(t.http).post(`/sessions/${id}/hold`).set('Authorization', `Bearer ${f.coordinator}`).send({ start: start(side), venueId: hub.id }),
        ),
      ),
    );
    for (let round = 0; round < rounds.length; round += 1) {
      const pair = answers.slice(round * 2, round * 2 + 2);
      expect(pair.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(pair.find((a) => a.status === 409)!.body).toMatchObject({ error: 'rules-broken', details: { violations: [expect.objectContaining({ rule: 7 })] } });
    }
  });

  /** Both requests of each pair at the same instant; what each pair got, in request order. */
  async function race(f: SchedulingFactory, pairs: { sessionId: string; start: string; venueId: string }[][]): Promise<{ status: number; body: any }[][]> {
    const answers = await Promise.all(
      pairs.flat().map(({ sessionId, start, venueId }) =>
        request(t.http).post(`/sessions/${sessionId}/hold`).set('Authorization', `Bearer ${f.coordinator}`).send({ start, venueId }),
      ),
    );
    return pairs.map((_, i) => answers.slice(i * 2, i * 2 + 2).map((a) => ({ status: a.status, body: a.body })));
  }

  it('keeps the chain when a preparation and the conference after it are held at the same instant', async () => {
    const f = organisation();
    const video = await f.venue({ kind: 'video', label: 'Video', hours: [] });
    const pairs = await Promise.all(
      Array.from({ length: 8 }, async (_, round) => {
        const c = await f.case();
        const harmedPrep = await f.request(c, 'preparation', [c.harmed]);
        const responsiblePrep = await f.request(c, 'preparation', [c.responsible]);
        const conference = await f.request(c, 'conference', [c.harmed, c.responsible]);
        const day = round * 7 * 24 * 60;
        await f.ok('post', `/sessions/${responsiblePrep}/hold`, { start: at(day), venueId: video.id });
        // Alone, each is fine: the conference a day after the one preparation placed; the other preparation the next morning.
        // Together the conference would start an hour after that preparation ends, not a day.
        return [
          { sessionId: conference, start: at(day + 24 * 60 + 120), venueId: video.id },
          { sessionId: harmedPrep, start: at(day + 24 * 60), venueId: video.id },
        ];
      }),
    );
    for (const [conference, preparation] of await race(f, pairs)) {
      expect([conference!.status, preparation!.status].sort()).toEqual([200, 409]);
      const refused = conference!.status === 409 ? conference! : preparation!;
      expect(refused.body).toMatchObject({ error: 'rules-broken' });
    }
  });

  it('leaves a person the travel time when both of their sessions are held at the same instant', async () => {
    const f = organisation();
    const hub = await f.venue({ kind: 'community', label: 'Hub' });
    const annex = await f.venue({ kind: 'community', label: 'Annex' });
    const pairs = await Promise.all(
      Array.from({ length: 8 }, async (_, round) => {
        const c = await f.case();
        const first = await f.request(c, 'preparation', [c.harmed]);
        const second = await f.request(c, 'preparation', [c.harmed]);
        const from = Math.floor(round / 4) * 24 * 60 + (round % 4) * 120;
        // Back to back at two venues: no overlap for the reservations, but none of the 30 minutes to get across.
        return [
          { sessionId: first, start: at(from), venueId: hub.id },
          { sessionId: second, start: at(from + 60), venueId: annex.id },
        ];
      }),
    );
    for (const pair of await race(f, pairs)) {
      expect(pair.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(pair.find((a) => a.status === 409)!.body).toMatchObject({ error: 'rules-broken', details: { violations: [expect.objectContaining({ rule: 4 })] } });
    }
  });
});
