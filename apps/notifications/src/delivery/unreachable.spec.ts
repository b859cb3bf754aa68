import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { freePort } from '#infra';
import { eventually } from '#testing';
import { type Harness, person, startNotifications } from '../../test/notifications.harness';

const HOUR = 3600_000;

describe('an SMS that certainly never left', () => {
  let h: Harness;

  beforeAll(async () => {
    // Nothing listens on Twilio's port: every connection is refused before a byte is sent.
    h = await startNotifications(undefined, { TWILIO_API_URL: `http://127.0.0.1:${await freePort()}`, SMS_IN_DOUBT_GRACE_MS: '600000', SEND_BACKOFF_MS: '50', SEND_ATTEMPTS: '4' });
  });

  afterAll(() => h.close());

  it('is tried again with the usual backoff, not after the in-doubt grace, each failure in its history', async () => {
    const caseId = randomUUID();
    const p = person({ email: null });
    h.rpc.route(caseId, p.participantId, p);
    const startsAt = new Date(Date.now() + 72 * HOUR);
    await h.deliver(h.event('session.booked', {
      sessionId: randomUUID(), kind: 'conference', version: 1, participantIds: [p.participantId], facilitatorIds: [randomUUID()],
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + HOUR).toISOString(), venueId: randomUUID(), venueKind: 'community',
    }, caseId));
    const log = await eventually(async () => {
      const [message] = (await request(h.t.http).get(`/cases/${caseId}/messages`).set('Authorization', `Bearer ${h.t.token('coordinator')}`)).body as { statuses: { status: string; detail: string | null }[] }[];
      // Four tries within seconds, although a send in doubt would wait ten minutes.
      expect(message!.statuses).toHaveLength(5);
      return message!;
    }, 10_000);
    expect(log.statuses).toEqual([
      { status: 'queued', detail: null, at: expect.any(String) },
      ...Array(4).fill({ status: 'queued', detail: 'not sent, to be tried again: twilio not reached: ECONNREFUSED', at: expect.any(String) }),
    ]);
    const [row] = await h.db.query(`SELECT status, sending_since, error FROM notifications.message WHERE case_id = $1`, [caseId]);
    expect(row).toEqual({ status: 'queued', sending_since: null, error: 'twilio not reached: ECONNREFUSED' });
  });
});
