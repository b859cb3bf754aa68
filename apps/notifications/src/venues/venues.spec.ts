import { randomUUID } from 'node:crypto';
import type { DomainEvent, VenueKind, VenueSavedV1 } from '#contracts';
import { eventually } from '#testing';
import { type Harness, person, startNotifications } from '../../test/notifications.harness';
import type { Recipient } from '../../test/rpc-stand-ins';

const MINUTE = 60_000;
const HUB = { label: 'Strood Community Hub', address: '2 Cuxton Road, Strood ME2 2BN', directions: null };
const PRISON = { label: 'HMP Elmley visits hall', address: 'Church Road, Eastchurch, Sheerness ME12 4DZ', directions: 'Bring photo ID and arrive 30 minutes early' };

describe('messages say where the session is, from the venues scheduling announces', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startNotifications(undefined, { REMINDER_OFFSETS_MINUTES: '2880,120' });
  });

  afterAll(() => h.close());

  function venueSaved(venueId: string, kind: VenueKind, facts: Pick<VenueSavedV1, 'label' | 'address' | 'directions'>): DomainEvent<'venue.saved'> {
    return { ...h.event('venue.saved', { venueId, organisation: 'org-a', kind, timeZone: 'Europe/London', ...facts }, ''), caseId: null };
  }

  /** A session at the venue; its two-hour reminder falls due `reminderInMs` from now. */
  function booked(caseId: string, routes: [string, Recipient][], venueId: string, venueKind: VenueKind, reminderInMs = 72 * 60 * MINUTE) {
    for (const [participantId, recipient] of routes) h.rpc.route(caseId, participantId, recipient);
    const startsAt = new Date(Date.now() + 120 * MINUTE + reminderInMs);
    return h.event(
      'session.booked',
      {
        sessionId: randomUUID(), kind: 'conference', version: 1, participantIds: routes.map(([id]) => id), facilitatorIds: [randomUUID()],
        startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 60 * MINUTE).toISOString(), venueId, venueKind,
      },
      caseId,
    );
  }

  const self = (recipient: Recipient): [string, Recipient] => [recipient.participantId, recipient];
  const smsTo = (p: Recipient) => h.twilio.messages.filter((m) => m.to === p.sms).map((m) => m.body);
  const unfold = (text: string) => text.replace(/\r?\n[ \t]/g, '');
  const templates = async (caseId: string) =>
    ((await h.db.query(`SELECT template_id FROM notifications.message WHERE case_id = $1 ORDER BY created_at, template_id`, [caseId])) as { template_id: string }[]).map((m) => m.template_id);

  it('keeps the newest description of each venue: a redelivery or an older event changes nothing', async () => {
    const venueId = randomUUID();
    const first = venueSaved(venueId, 'community', { label: 'Hub', address: null, directions: null });
    const second = venueSaved(venueId, 'community', HUB);
    expect(await h.deliver(second)).toBe('handled');
    expect(await h.deliver(first)).toBe('handled');
    expect(await h.deliver(second)).toBe('duplicate');
    await h.deliver({ ...first, id: randomUUID() });
    expect(await h.db.query(`SELECT label, address, directions, kind, organisation_id, source_sequence::int AS sequence FROM notifications.venue WHERE id = $1`, [venueId])).toEqual([
      { label: HUB.label, address: HUB.address, directions: null, kind: 'community', organisation_id: 'org-a', sequence: second.sequence },
    ]);
  });

  it("names a community venue by name and address in a booking's SMS and email, in English and Welsh, and in the invite's LOCATION", async () => {
    const caseId = randomUUID();
    const venueId = randomUUID();
    await h.deliver(venueSaved(venueId, 'community', HUB));
    const sarah = person({ firstName: 'Sarah', email: null });
    const ana = person({ firstName: 'Ana', sms: null, language: 'cy' });
    const ben = person({ firstName: 'Ben', sms: null });
    await h.deliver(booked(caseId, [self(sarah), self(ana), self(ben)], venueId, 'community'));

    await eventually(() => expect(smsTo(sarah)).toHaveLength(1));
    expect(smsTo(sarah)[0]).toMatch(/^Hello Sarah, your appointment is booked for .* at \d\d:\d\d\. Venue: Strood Community Hub, 2 Cuxton Road, Strood ME2 2BN\. Reply C to confirm/);
    await eventually(() => expect(h.smtp.messagesTo(ana.email!)).toHaveLength(1));
    await eventually(() => expect(h.smtp.messagesTo(ben.email!)).toHaveLength(1));
    const [cy] = h.smtp.messagesTo(ana.email!);
    expect(cy!.text).toMatch(/^Helo Ana, mae eich apwyntiad wedi'i drefnu ar gyfer .*\. Lleoliad: Strood Community Hub, 2 Cuxton Road, Strood ME2 2BN\. Mae'r gwahoddiad ynghlwm\./);
    expect(h.smtp.messagesTo(ben.email!)[0]!.text).toContain('. Venue: Strood Community Hub, 2 Cuxton Road, Strood ME2 2BN. The invitation is attached.');
    for (const mail of [cy!, h.smtp.messagesTo(ben.email!)[0]!]) {
      expect(unfold(mail.calendars[0]!.text)).toContain('LOCATION:Strood Community Hub\\, 2 Cuxton Road\\, Strood ME2 2BN\r\n');
    }
    expect((await templates(caseId)).sort()).toEqual(['email-booked:venue', 'email-booked:venue', 'sms-booked:venue']);
  });

  it('gives the offender manager a prison, its address and, in the reminder, how to arrive; the person harmed at the same session gets the time without the prison', async () => {
    const caseId = randomUUID();
    const venueId = randomUUID();
    await h.deliver(venueSaved(venueId, 'prison', PRISON));
    const inCustody = randomUUID();
    const olu = person({ firstName: 'Olu', role: 'offender-manager', relation: 'offender-manager-for-person-in-custody', sms: null, email: 'olu@probation.example.net' });
    const sarah = person({ firstName: 'Sarah', email: null });
    await h.deliver(booked(caseId, [[inCustody, olu], self(sarah)], venueId, 'prison', 4000));

    await eventually(() => expect(h.smtp.messagesTo(olu.email!)).toHaveLength(2), 15_000);
    const [booking, reminder] = h.smtp.messagesTo(olu.email!);
    expect(booking!.text).toContain('. Venue: HMP Elmley visits hall, Church Road, Eastchurch, Sheerness ME12 4DZ. The invitation is attached.');
    expect(booking!.text).not.toContain('photo ID');
    expect(unfold(booking!.calendars[0]!.text)).toContain('LOCATION:HMP Elmley visits hall\\, Church Road\\, Eastchurch\\, Sheerness ME12 4DZ\r\n');
    expect(reminder!.text).toContain('. Venue: HMP Elmley visits hall, Church Road, Eastchurch, Sheerness ME12 4DZ. Bring photo ID and arrive 30 minutes early. To confirm or change it');

    await eventually(() => expect(smsTo(sarah)).toHaveLength(2));
    for (const text of smsTo(sarah)) {
      expect(text).toMatch(/^Hello Sarah, (your appointment is booked for|a reminder of your appointment on) .* at \d\d:\d\d\. Reply C to confirm/);
      expect(text).not.toMatch(/HMP|Elmley|Eastchurch|ME12/);
    }
    expect((await templates(caseId)).sort()).toEqual(['email-booked:venue', 'email-reminder:venue-directions', 'sms-booked', 'sms-reminder']);
  });

  it('says a video session is a video call, with no link, in English and Welsh, whether or not its venue was announced', async () => {
    const caseId = randomUUID();
    const sarah = person({ firstName: 'Sarah', email: null });
    const ana = person({ firstName: 'Ana', sms: null, language: 'cy' });
    await h.deliver(booked(caseId, [self(sarah), self(ana)], randomUUID(), 'video'));
    await eventually(() => expect(smsTo(sarah)).toHaveLength(1));
    expect(smsTo(sarah)[0]).toMatch(/ at \d\d:\d\d\. The appointment is by video call\. Reply C to confirm/);
    await eventually(() => expect(h.smtp.messagesTo(ana.email!)).toHaveLength(1));
    const [mail] = h.smtp.messagesTo(ana.email!);
    expect(mail!.text).toContain(". Mae'r apwyntiad drwy alwad fideo. Mae'r gwahoddiad ynghlwm.");
    expect(unfold(mail!.calendars[0]!.text)).toContain('LOCATION:Galwad fideo\r\n');
    expect(`${smsTo(sarah)[0]} ${mail!.text}`).not.toMatch(/https?:|www\./);
  });

  it('sends a session at a venue it has not heard of with the time and the service line, not held, not dropped', async () => {
    const caseId = randomUUID();
    const sarah = person({ firstName: 'Sarah', email: null });
    const ben = person({ firstName: 'Ben', sms: null });
    await h.deliver(booked(caseId, [self(sarah), self(ben)], randomUUID(), 'community'));
    await eventually(() => expect(smsTo(sarah)).toHaveLength(1));
    expect(smsTo(sarah)[0]).toMatch(/^Hello Sarah, your appointment is booked for .* at \d\d:\d\d\. Reply C to confirm or R to ask for another time\. Questions: /);
    await eventually(() => expect(h.smtp.messagesTo(ben.email!)).toHaveLength(1));
    const [mail] = h.smtp.messagesTo(ben.email!);
    expect(mail!.text).toMatch(/^Hello Ben, your appointment is booked for .* at \d\d:\d\d\. The invitation is attached\./);
    expect(mail!.calendars[0]!.text).not.toContain('LOCATION');
    // The providers' answers are recorded a moment after they come.
    await eventually(async () =>
      expect(await h.db.query(`SELECT template_id, status FROM notifications.message WHERE case_id = $1 ORDER BY template_id`, [caseId])).toEqual([
        { template_id: 'email-booked', status: 'sent' },
        { template_id: 'sms-booked', status: expect.stringMatching(/^(sent|delivered)$/) },
      ]),
    );
  });

  it('names the venue as it was last announced: a change between the booking and the reminder shows in the reminder', async () => {
    const caseId = randomUUID();
    const venueId = randomUUID();
    await h.deliver(venueSaved(venueId, 'community', HUB));
    const sarah = person({ firstName: 'Sarah', email: null });
    await h.deliver(booked(caseId, [self(sarah)], venueId, 'community', 4000));
    await eventually(() => expect(smsTo(sarah)).toHaveLength(1));
    expect(smsTo(sarah)[0]).toContain('Venue: Strood Community Hub, 2 Cuxton Road, Strood ME2 2BN.');
    await h.deliver(venueSaved(venueId, 'community', { label: 'Strood Community Hub, room 4', address: '4 Cuxton Road, Strood ME2 2BN', directions: 'Use the side door' }));
    await eventually(() => expect(smsTo(sarah)).toHaveLength(2), 15_000);
    expect(smsTo(sarah)[1]).toMatch(/^Hello Sarah, a reminder of your appointment on .*\. Venue: Strood Community Hub, room 4, 4 Cuxton Road, Strood ME2 2BN\. Use the side door\. Reply C/);
  });
});
