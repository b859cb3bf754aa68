import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DomainEvent, EventPayloads } from '#contracts';
import { eventually } from '#testing';
import { type Harness, person, startNotifications } from '../../test/notifications.harness';

/**
 * Replies forwarded to a case's facilitators, read by them alone: notifications learns who they
 * are from the cases service's events and decides at each read, against real Postgres, Redis
 * and the Twilio stand-in.
 */
describe('a reply forwarded to the case\'s facilitators', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startNotifications();
  });

  afterAll(() => h.close());

  /** An event of the cases service, as its relay delivers it. */
  const fromCases = <T extends 'facilitator.registered' | 'facilitator.changed' | 'case.facilitators-assigned'>(
    type: T, payload: EventPayloads[T], caseId: string | null, organisationId = 'org-a',
  ): DomainEvent<T> => ({ ...h.event(type, payload, caseId ?? '', organisationId), source: 'cases', caseId });

  const facilitator = (userId?: string, organisationId = 'org-a') => {
    const facilitatorId = randomUUID();
    const event = fromCases('facilitator.registered', { facilitatorId, ...(userId ? { userId } : {}), capacity: 10, timeZone: 'Europe/London', active: true }, null, organisationId);
    return { facilitatorId, event };
  };

  const assigned = (caseId: string, leadFacilitatorId: string, coFacilitatorId: string) =>
    fromCases('case.facilitators-assigned', { leadFacilitatorId, coFacilitatorId, capacityOverridden: false }, caseId);

  /** A case whose participant was told of a booking by SMS and replied with words of their own; resolves once the alert is raised. */
  async function replied(text: string): Promise<string> {
    const p = person();
    const caseId = randomUUID();
    h.rpc.route(caseId, p.participantId, p);
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    await h.deliver(h.event('session.booked', { sessionId: randomUUID(), kind: 'preparation', version: 1, participantIds: [p.participantId], facilitatorIds: [],
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(), venueId: randomUUID(), venueKind: 'community' }, caseId));
    await eventually(async () => expect(await h.db.query(`SELECT 1 FROM notifications.message WHERE case_id = $1 AND status IN ('sent', 'delivered')`, [caseId])).toHaveLength(1));
    await h.twilio.sendInbound({ from: p.sms!, to: '+441632960001', body: text });
    return caseId;
  }

  const alerts = (token: string, caseId?: string) =>
    request(h.t.http).get(`/notifications/alerts${caseId ? `?caseId=${caseId}` : ''}`).set('Authorization', `Bearer ${token}`);
  const acknowledge = (token: string, alertId: string) =>
    request(h.t.http).post(`/notifications/alerts/${alertId}/acknowledge`).set('Authorization', `Bearer ${token}`);
  const as = (role: 'facilitator' | 'coordinator' | 'manager', userId?: string, organisationId = 'org-a') => h.t.token(role, organisationId, userId ? { userId } : {});
  const copies = async () => ({
    facilitators: await h.db.query(`SELECT id, organisation_id, user_id, source_sequence FROM notifications.facilitator ORDER BY id`),
    cases: await h.db.query(`SELECT case_id, organisation_id, facilitator_ids, source_sequence FROM notifications.case_facilitators ORDER BY case_id`),
  });

  it("gives the text to the case's facilitators only; coordinators see that it arrived, other facilitators, managers and other organisations nothing", async () => {
    const [lead, co, elsewhere] = [facilitator('lead-1'), facilitator('co-1'), facilitator('elsewhere-1')];
    for (const f of [lead, co, elsewhere]) expect(await h.deliver(f.event)).toBe('handled');
    const caseId = await replied('Will he be there? I am scared');
    await h.deliver(assigned(caseId, lead.facilitatorId, co.facilitatorId));
    await h.deliver(assigned(randomUUID(), elsewhere.facilitatorId, randomUUID()));

    const read = await alerts(as('facilitator', 'lead-1'));
    expect(read.status).toBe(200);
    expect(read.body).toEqual([expect.objectContaining({ caseId, kind: 'reply-received', readableBy: 'facilitators', reply: expect.objectContaining({ text: 'Will he be there? I am scared' }) })]);
    const alertId = read.body[0].id as string;
    expect((await alerts(as('facilitator', 'co-1'), caseId)).body).toEqual([expect.objectContaining({ id: alertId, reply: expect.objectContaining({ text: 'Will he be there? I am scared' }) })]);

    // A facilitator of another case: neither the alert nor its text, not even asked by case.
    expect((await alerts(as('facilitator', 'elsewhere-1'))).body).toEqual([]);
    expect((await alerts(as('facilitator', 'elsewhere-1'), caseId)).body).toEqual([]);
    expect((await acknowledge(as('facilitator', 'elsewhere-1'), alertId)).status).toBe(404);

    const coordinator = as('coordinator');
    const seen = (await alerts(coordinator, caseId)).body;
    expect(seen).toEqual([expect.objectContaining({ id: alertId, kind: 'reply-received', readableBy: 'facilitators', reply: { receivedAt: expect.any(String), text: null } })]);
    expect(JSON.stringify(seen)).not.toContain('scared');
    // Acknowledged by a coordinator, it would vanish from the facilitators' list before they read it.
    expect((await acknowledge(coordinator, alertId)).status).toBe(403);

    expect((await alerts(as('manager'))).status).toBe(403);
    expect((await alerts(as('coordinator', undefined, 'org-b'))).body).toEqual([]);
    expect((await alerts(as('facilitator', 'lead-1', 'org-b'))).body).toEqual([]);
    expect((await acknowledge(as('facilitator', 'lead-1', 'org-b'), alertId)).status).toBe(404);

    expect((await acknowledge(as('facilitator', 'lead-1'), alertId)).status).toBe(204);
    expect((await alerts(as('facilitator', 'co-1'), caseId)).body).toEqual([]);
    expect((await alerts(coordinator, caseId)).body).toEqual([]);
  });

  it('leaves the text with the coordinators when no facilitator of the case is known by token, so no reply goes unread', async () => {
    const [lead, co] = [facilitator(), facilitator()];
    for (const f of [lead, co]) await h.deliver(f.event);
    const withoutUsers = await replied('Can my sister come with me?');
    await h.deliver(assigned(withoutUsers, lead.facilitatorId, co.facilitatorId));
    const neverAllocated = await replied('I moved house last week');

    for (const [caseId, text] of [[withoutUsers, 'Can my sister come with me?'], [neverAllocated, 'I moved house last week']] as const) {
      const [alert] = (await alerts(as('coordinator'), caseId)).body;
      expect(alert).toMatchObject({ kind: 'reply-received', readableBy: 'coordinators', reply: { text } });
      expect((await alerts(as('facilitator', 'lead-1'), caseId)).body).toEqual([]);
    }

    // Once the cases service says who the lead is, the reply is theirs.
    await h.deliver(fromCases('facilitator.changed', { facilitatorId: lead.facilitatorId, userId: 'late-lead', capacity: 10, timeZone: 'Europe/London', active: true }, null));
    expect((await alerts(as('coordinator'), withoutUsers)).body).toEqual([expect.objectContaining({ readableBy: 'facilitators', reply: expect.objectContaining({ text: null }) })]);
    expect((await alerts(as('facilitator', 'late-lead'), withoutUsers)).body).toEqual([expect.objectContaining({ reply: expect.objectContaining({ text: 'Can my sister come with me?' }) })]);
  });

  it('changes nothing when an event comes twice, or an older one late', async () => {
    const lead = facilitator('twice-lead');
    const co = facilitator('twice-co');
    const caseId = randomUUID();
    const first = assigned(caseId, lead.facilitatorId, co.facilitatorId);
    const renamed = fromCases('facilitator.changed', { facilitatorId: lead.facilitatorId, userId: 'twice-lead', capacity: 4, timeZone: 'Europe/London', active: false }, null);
    for (const event of [lead.event, co.event, first, renamed]) expect(await h.deliver(event)).toBe('handled');
    const before = await copies();

    for (const event of [lead.event, co.event, first, renamed]) expect(await h.deliver(event)).toBe('duplicate');
    // The same facts published again (a replay under new ids), and older ones arriving after newer.
    for (const event of [lead.event, first]) expect(await h.deliver({ ...event, id: randomUUID() })).toBe('handled');
    const olderWithoutUser = { ...lead.event, id: randomUUID(), payload: { facilitatorId: lead.facilitatorId, capacity: 10, timeZone: 'Europe/London', active: true } };
    expect(await h.deliver(olderWithoutUser)).toBe('handled');
    expect(await copies()).toEqual(before);
  });

  it('moves access with a reassignment: the facilitator who left no longer reads it, the one who joined does', async () => {
    const [lead, leaving, joining] = [facilitator('move-lead'), facilitator('move-leaving'), facilitator('move-joining')];
    for (const f of [lead, leaving, joining]) await h.deliver(f.event);
    const caseId = await replied('Is it still on Tuesday?');
    await h.deliver(assigned(caseId, lead.facilitatorId, leaving.facilitatorId));
    expect((await alerts(as('facilitator', 'move-leaving'), caseId)).body).toHaveLength(1);
    expect((await alerts(as('facilitator', 'move-joining'), caseId)).body).toEqual([]);

    await h.deliver(assigned(caseId, lead.facilitatorId, joining.facilitatorId));
    expect((await alerts(as('facilitator', 'move-leaving'), caseId)).body).toEqual([]);
    const [alert] = (await alerts(as('facilitator', 'move-joining'), caseId)).body;
    expect(alert).toMatchObject({ readableBy: 'facilitators', reply: { text: 'Is it still on Tuesday?' } });
    expect((await acknowledge(as('facilitator', 'move-leaving'), alert.id)).status).toBe(404);
    expect((await acknowledge(as('facilitator', 'move-joining'), alert.id)).status).toBe(204);
  });
});
