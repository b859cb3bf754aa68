import { randomUUID } from 'node:crypto';
import { eventually } from '#testing';
import { daytimeZone, type Harness, nightZone, person, startNotifications } from '../../test/notifications.harness';
import type { Recipient } from '../../test/rpc-stand-ins';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { SessionEventsHandler } from '../sessions/session-events.handler';
import { reminderId } from './reminder-plan';
import { ReminderSweeper } from './reminder-sweeper';
import { SEND_QUEUE } from './send-queue';

const MINUTE = 60_000;

describe('reminders planned from session events and sent only while still true', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startNotifications(undefined, { REMINDER_OFFSETS_MINUTES: '2880,120' });
  });

  afterAll(() => h.close());

  function booked(caseId: string, participants: Recipient[], startsAt: Date, version = 1, sessionId = randomUUID()) {
    for (const p of participants) h.rpc.route(caseId, p.participantId, p);
    return h.event(
      'session.booked',
      {
        sessionId,
        kind: 'preparation',
        version,
        participantIds: participants.map((p) => p.participantId),
        facilitatorIds: [randomUUID()],
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 60 * MINUTE).toISOString(),
        venueId: randomUUID(),
        venueKind: 'community',
      },
      caseId,
    );
  }

  const smsTo = (p: Recipient) => h.twilio.messages.filter((m) => m.to === p.sms).map((m) => m.body);

  async function log(caseId: string): Promise<{ purpose: string; status: string; participant_id: string; session_version: number }[]> {
    return h.db.query(`SELECT purpose, status, participant_id, session_version FROM notifications.message WHERE case_id = $1 ORDER BY created_at`, [caseId]);
  }

  it('confirms a booking at once by SMS and sends the reminder at its time, once, whatever the redeliveries', async () => {
    const caseId = randomUUID();
    const sarah = person({ firstName: 'Sarah' });
    // The two-hour reminder falls due three seconds from now.
    const event = booked(caseId, [sarah], new Date(Date.now() + 120 * MINUTE + 3000));
    expect(await h.deliver(event)).toBe('handled');
    expect(await h.deliver(event)).toBe('duplicate');
    await h.deliver({ ...event, id: randomUUID() });

    await eventually(() => expect(smsTo(sarah)).toEqual([expect.stringMatching(/^Hello Sarah, your appointment is booked for .* Reply C to confirm/)]));
    await eventually(() => expect(smsTo(sarah)).toEqual([expect.stringContaining('booked'), expect.stringMatching(/^Hello Sarah, a reminder of your appointment/)]), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smsTo(sarah)).toHaveLength(2);
    expect((await log(caseId)).map((m) => m.purpose)).toEqual(['confirmation', 'reminder']);
  });

  it('never sends the old reminders of a moved session, sends the new ones, and a cancellation only to those told', async () => {
    const caseId = randomUUID();
    const sessionId = randomUUID();
    const told = person({ firstName: 'Amir' });
    const unreachable = person({ firstName: 'Beth' });
    const first = booked(caseId, [told, unreachable], new Date(Date.now() + 120 * MINUTE + 2000), 1, sessionId);
    h.rpc.route(caseId, unreachable.participantId, null, 'the participant is not on the case');
    await h.deliver(first);
    await eventually(() => expect(smsTo(told)).toHaveLength(1));

    // Moved a day later before the first two-hour reminder was due: that one must never go.
    const moved = h.event('session.rescheduled', { ...first.payload, version: 2, startsAt: new Date(Date.now() + 26 * 60 * MINUTE).toISOString(), endsAt: new Date(Date.now() + 27 * 60 * MINUTE).toISOString(), previousStartsAt: first.payload.startsAt, previousVenueId: first.payload.venueId }, caseId);
    await h.deliver(moved);
    await eventually(() => expect(smsTo(told)).toEqual([expect.stringContaining('booked'), expect.stringContaining('has moved to')]));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(smsTo(told)).toHaveLength(2);

    await h.deliver(h.event('session.cancelled', { sessionId, kind: 'preparation', version: 3, participantIds: [told.participantId, unreachable.participantId], facilitatorIds: [], reason: 'cancelled-by-coordinator', wasBookedFor: moved.payload.startsAt }, caseId));
    await eventually(() => expect(smsTo(told)).toEqual([expect.stringContaining('booked'), expect.stringContaining('has moved to'), expect.stringContaining('has been cancelled')]));
    const reminders: { participant_id: string; kind: string; session_version: number; status: string; outcome: string | null }[] = await h.db.query(
      `SELECT participant_id, kind, session_version, status, outcome FROM notifications.reminder WHERE session_id = $1 ORDER BY session_version, participant_id, kind`,
      [sessionId],
    );
    const of = (p: Recipient) => reminders.filter((r) => r.participant_id === p.participantId).map((r) => `${r.session_version} ${r.kind} ${r.status} ${r.outcome ?? ''}`.trim());
    expect(of(told)).toEqual(['1 confirmation messaged', '1 reminder-120 dropped session-changed', '2 reminder-120 dropped session-cancelled', '2 reschedule messaged', '3 cancellation messaged']);
    expect(of(unreachable)).toEqual([
      '1 confirmation dropped unreachable: the participant is not on the case',
      '1 reminder-120 dropped session-changed',
      '2 reminder-120 dropped session-cancelled',
      '2 reschedule dropped unreachable: the participant is not on the case',
      '3 cancellation dropped not-told-of-the-session',
    ]);
    expect(smsTo(unreachable)).toEqual([]);
  });

  it('tells someone never told of the booking (their confirmation still deferred) of the moved session as a booking, not a move', async () => {
    const caseId = randomUUID();
    const sessionId = randomUUID();
    const night = person({ firstName: 'Nia', email: null, timeZone: nightZone() });
    const first = booked(caseId, [night], new Date(Date.now() + 3 * 24 * 60 * MINUTE), 1, sessionId);
    await h.deliver(first);
    await eventually(async () => {
      const [row] = await h.db.query(`SELECT status, outcome FROM notifications.reminder WHERE session_id = $1 AND kind = 'confirmation'`, [sessionId]);
      expect(row).toEqual({ status: 'planned', outcome: 'deferred-quiet-hours' });
    });
    // Moved before quiet hours end; by the time the news goes it is day where she is.
    h.rpc.route(caseId, night.participantId, { ...night, timeZone: daytimeZone() });
    const startsAt = new Date(Date.now() + 4 * 24 * 60 * MINUTE);
    await h.deliver(h.event('session.rescheduled', { ...first.payload, version: 2, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 60 * MINUTE).toISOString(), previousStartsAt: first.payload.startsAt, previousVenueId: first.payload.venueId }, caseId));
    await eventually(() => expect(smsTo(night)).toEqual([expect.stringMatching(/^Hello Nia, your appointment is booked for /)]));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smsTo(night)).toHaveLength(1);
    expect((await log(caseId)).map((m) => `${m.session_version} ${m.purpose} ${m.status}`)).toEqual([expect.stringMatching(/^2 confirmation (sent|delivered)$/)]);
  });

  it("queues a reminder's job only once its event's transaction commits, and none when it rolls back", async () => {
    const queue = h.t.app.get<Queue>(getQueueToken(SEND_QUEUE));
    const handler = h.t.app.get(SessionEventsHandler);
    const [committed, rolledBack] = [person({ firstName: 'Cai' }), person({ firstName: 'Rhys' })];
    const [commitEvent, rollbackEvent] = [committed, rolledBack].map((p) => booked(randomUUID(), [p], new Date(Date.now() + 3 * 24 * 60 * MINUTE)));
    const jobOf = (event: typeof commitEvent, p: Recipient) => queue.getJob(`reminder-${reminderId(event.payload.sessionId, p.participantId, 'confirmation', 1)}`);

    await h.db.transaction(async (manager) => {
      await handler.onBooked(commitEvent as never, manager);
      expect(await jobOf(commitEvent, committed)).toBeUndefined();
    });
    expect(await jobOf(commitEvent, committed)).toBeDefined();
    await eventually(() => expect(smsTo(committed)).toHaveLength(1));

    await expect(h.db.transaction(async (manager) => {
      await handler.onBooked(rollbackEvent as never, manager);
      throw new Error('the event fails after planning');
    })).rejects.toThrow('the event fails after planning');
    expect(await jobOf(rollbackEvent, rolledBack)).toBeUndefined();
  });

  it('sends nothing about a session that has already started', async () => {
    const caseId = randomUUID();
    const late = person();
    await h.deliver(booked(caseId, [late], new Date(Date.now() - MINUTE)));
    await eventually(async () => {
      const [row] = await h.db.query(`SELECT status, outcome FROM notifications.reminder WHERE case_id = $1`, [caseId]);
      expect(row).toEqual({ status: 'dropped', outcome: 'session-started' });
    });
    expect(smsTo(late)).toEqual([]);
  });

  it('writes the English or Welsh text as the recipient reads, and keeps it encrypted in the log', async () => {
    const caseId = randomUUID();
    const cy = person({ firstName: 'Gwen', language: 'cy', timeZone: daytimeZone() });
    await h.deliver(booked(caseId, [cy], new Date(Date.now() + 3 * 24 * 60 * MINUTE)));
    await eventually(() => expect(smsTo(cy)).toEqual([expect.stringMatching(/^Helo Gwen, mae eich apwyntiad wedi'i drefnu/)]));
    const [row] = await h.db.query(`SELECT body FROM notifications.message WHERE case_id = $1`, [caseId]);
    expect(row.body).toMatch(/^v1\./);
    expect(row.body).not.toContain('Gwen');
  });

  it('sends a planned reminder whose job Redis lost, when the sweeper finds it past its time', async () => {
    const caseId = randomUUID();
    const sessionId = randomUUID();
    const lostJob = person({ firstName: 'Lou' });
    const event = booked(caseId, [lostJob], new Date(Date.now() + 72 * 60 * MINUTE), 1, sessionId);
    await h.deliver({ ...event, payload: { ...event.payload, participantIds: [] } });
    // The row as planning wrote it, ten minutes overdue, with no job anywhere.
    await h.db.query(
      `INSERT INTO notifications.reminder (id, organisation_id, case_id, session_id, participant_id, kind, session_version, due_at, status)
       VALUES ($1, 'org-a', $2, $3, $4, 'confirmation', 1, now() - interval '10 minutes', 'planned')`,
      [randomUUID(), caseId, sessionId, lostJob.participantId],
    );
    await h.t.app.get(ReminderSweeper).sweep();
    await eventually(() => expect(smsTo(lostJob)).toEqual([expect.stringMatching(/^Hello Lou, your appointment is booked/)]));
  });
});
