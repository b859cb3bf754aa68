import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '#testing';
import { CasesFactory } from '../../test/cases.factory';
import { CasesModule } from '../cases.module';

describe('a case through the RJ process, over HTTP', () => {
  let t: TestApp;
  let cases: CasesFactory;
  let lead: { id: string; token: string };
  let coId: string;

  beforeAll(async () => {
    t = await createTestApp([CasesModule]);
    cases = new CasesFactory(t.http, t.token('coordinator'), t.token('manager'));
    const leadFacilitator = await cases.facilitator('fac-lead');
    coId = (await cases.facilitator('fac-co')).id;
    lead = { id: leadFacilitator.id, token: t.token('facilitator', 'org-a', { userId: 'fac-lead' }) };
  });

  afterAll(() => t.close());

  async function outboxEvents(caseId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> {
    const ds = t.app.get<DataSource>(getDataSourceToken('cases'));
    return ds.query('SELECT type, payload FROM cases.outbox_event WHERE case_id = $1 ORDER BY position', [caseId]);
  }

  it('walks from referral to closed, recording every move and emitting an event for each', async () => {
    const { caseId, harmed } = await cases.caseInPreparation(lead, coId);
    await cases.ok('post', `/cases/${caseId}/assessments`, lead.token, { suitable: true, riskLevel: 'low' });
    await cases.move(caseId, lead.token, 'direct-meeting', { delivery: 'face-to-face-conference' });
    await cases.ok('post', `/cases/${caseId}/outcome-agreement`, lead.token, {
      madeAt: '2026-11-20T12:00:00Z',
      actions: [{ description: 'Write a letter of apology', dueBy: '2026-12-20T12:00:00Z', checkMethod: 'Facilitator receives it' }],
    });
    await cases.move(caseId, lead.token, 'outcome-agreement');
    await cases.move(caseId, lead.token, 'follow-up');
    await cases.ok('post', `/cases/${caseId}/feedback`, lead.token, { participantId: harmed.id, satisfaction: 5 });
    const closed = await cases.move(caseId, lead.token, 'closed', { reason: 'completed' });

    expect(closed).toMatchObject({ stage: 'closed', closureReason: 'completed', delivery: 'face-to-face-conference', allowedMoves: [] });
    const history = await cases.ok<{ from: string; to: string; changedBy: string }[]>('get', `/cases/${caseId}/stage-history`, lead.token);
    expect(history.map((h) => `${h.from}>${h.to}`)).toEqual([
      'referred>first-contact',
      'first-contact>assessment',
      'assessment>consent',
      'consent>preparation',
      'preparation>direct-meeting',
      'direct-meeting>outcome-agreement',
      'outcome-agreement>follow-up',
      'follow-up>closed',
    ]);
    expect(history[0]!.changedBy).toMatch(/^user-/);
    expect(history.slice(1).every((h) => h.changedBy === 'fac-lead')).toBe(true);

    const events = await outboxEvents(caseId);
    const moves = events.filter((e) => e.type === 'case.stage-changed').map((e) => `${e.payload.from}>${e.payload.to}`);
    expect(moves).toEqual(history.map((h) => `${h.from}>${h.to}`));
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['case.referred', 'case.triaged', 'participant.added', 'consent.recorded', 'feedback.recorded']),
    );
  });

  it('refuses a move the process does not allow, naming the moves that are', async () => {
    const kase = await cases.referral();
    const response = await cases.call('post', `/cases/${kase.id}/stage`, cases.coordinator, { to: 'preparation' });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      statusCode: 409,
      error: 'stage-move-refused',
      message:
        'cannot move from referred to preparation; allowed from here: first-contact, rejected, on-hold, withdrawn, unsuitable, uncontactable, other-party-declined',
      details: { allowed: ['first-contact', 'rejected', 'on-hold', 'withdrawn', 'unsuitable', 'uncontactable', 'other-party-declined'] },
    });
    expect((await cases.ok('get', `/cases/${kase.id}`, cases.coordinator)).stage).toBe('referred');
  });

  it('refuses a joint meeting until both parties consented and the facilitators judged it safe', async () => {
    const { caseId, harmed, responsible } = await cases.caseInPreparation(lead, coId);
    const consents = await cases.ok<{ id: string; participantId: string }[]>('get', `/cases/${caseId}/consents`, lead.token);
    const responsibleConsent = consents.find((c) => c.participantId === responsible.id)!;
    await cases.ok('post', `/cases/${caseId}/consents/${responsibleConsent.id}/withdrawal`, lead.token, {});

    const conference = { kind: 'conference', participantIds: [harmed.id, responsible.id] };
    const early = await cases.call('post', `/cases/${caseId}/session-requests`, lead.token, conference);
    expect(early.status).toBe(409);
    expect(early.body.error).toBe('session-request-refused');
    expect(early.body.details.problems).toEqual([
      `person-responsible ${responsible.id} has not consented to take part`,
      'the facilitators have not recorded that a joint meeting is safe and suitable',
      `person-responsible ${responsible.id} has not consented to take part`,
    ]);
    const move = await cases.call('post', `/cases/${caseId}/stage`, lead.token, { to: 'direct-meeting', delivery: 'face-to-face-conference' });
    expect(move.status).toBe(409);
    expect(move.body.error).toBe('stage-precondition-unmet');

    await cases.ok('post', `/cases/${caseId}/participants/${responsible.id}/consents`, lead.token, {
      scope: 'participation',
      method: 'verbal',
      givenAt: '2026-11-19T10:00:00Z',
    });
    await cases.ok('post', `/cases/${caseId}/assessments`, lead.token, { suitable: true, riskLevel: 'medium' });
    expect(await cases.ok('get', `/cases/${caseId}/joint-meeting-readiness`, lead.token)).toEqual({ ready: true, blockers: [] });
    const requested = await cases.ok('post', `/cases/${caseId}/session-requests`, lead.token, conference);
    expect(requested).toMatchObject({ kind: 'conference', durationMinutes: 120, facilitatorIds: [lead.id, coId] });
    const event = (await outboxEvents(caseId)).find((e) => e.type === 'session.requested');
    expect(event?.payload).toMatchObject({ requestId: requested.id, kind: 'conference', participantIds: [harmed.id, responsible.id] });
  });

  it('puts a case on hold with a reason and returns it only to where it was', async () => {
    const { caseId } = await cases.caseInPreparation(lead, coId);
    const held = await cases.move(caseId, lead.token, 'on-hold', { reason: 'trial' });
    expect(held).toMatchObject({ stage: 'on-hold', heldFromStage: 'preparation' });
    expect(held.allowedMoves).toEqual(['preparation', 'withdrawn', 'unsuitable', 'uncontactable', 'other-party-declined']);
    const noReason = await cases.call('post', `/cases/${caseId}/stage`, lead.token, { to: 'withdrawn' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([
      { field: 'withdrawnBy', rule: 'isDefined', message: 'withdrawnBy must say who withdrew when moving to withdrawn' },
    ]);
    expect(await cases.move(caseId, lead.token, 'preparation')).toMatchObject({ stage: 'preparation', heldFromStage: null });
  });

  it('ends a case withdrawn by the person harmed and freezes its record', async () => {
    const { caseId } = await cases.caseInPreparation(lead, coId);
    const withdrawn = await cases.move(caseId, lead.token, 'withdrawn', { withdrawnBy: 'person-harmed', note: 'Does not want to go on' });
    expect(withdrawn).toMatchObject({ stage: 'withdrawn', allowedMoves: [] });
    const history = await cases.ok<{ to: string; withdrawnBy: string; note: string }[]>('get', `/cases/${caseId}/stage-history`, lead.token);
    expect(history.at(-1)).toMatchObject({ to: 'withdrawn', withdrawnBy: 'person-harmed', note: 'Does not want to go on' });
    const late = await cases.call('post', `/cases/${caseId}/participants`, cases.coordinator, { ...{ role: 'supporter', name: 'Late Comer' }, safeChannels: { sms: false, voicemail: false, email: false, letters: false } });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('case-not-open');
  });

  it('ends a case uncontactable only with a reason from the list, and tells the other services why', async () => {
    const kase = await cases.referral();
    await cases.ok('post', `/cases/${kase.id}/triage`, cases.coordinator, { decision: 'accepted' });
    const reasons = 'no-response, wrong-details, moved-away, declined-contact, no-safe-channel, other';
    const missing = await cases.call('post', `/cases/${kase.id}/stage`, cases.coordinator, { to: 'uncontactable' });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ field: 'reason', rule: 'isIn', message: `reason must be one of ${reasons} when moving to uncontactable` }]);
    // A reason of another exit passes the body's check, not the move's.
    const another = await cases.call('post', `/cases/${kase.id}/stage`, cases.coordinator, { to: 'uncontactable', reason: 'trial' });
    expect(another.status).toBe(400);
    expect(another.body.details).toEqual([{ field: 'reason', rule: 'isIn', message: `reason must be one of ${reasons} when moving to uncontactable` }]);
    const unknown = await cases.call('post', `/cases/${kase.id}/stage`, cases.coordinator, { to: 'uncontactable', reason: 'gone' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'reason', rule: 'isIn' })]);

    const ended = await cases.move(kase.id, cases.coordinator, 'uncontactable', { reason: 'moved-away' });
    expect(ended).toMatchObject({ stage: 'uncontactable', allowedMoves: [] });
    const history = await cases.ok<{ to: string; reason: string }[]>('get', `/cases/${kase.id}/stage-history`, cases.coordinator);
    expect(history.at(-1)).toMatchObject({ to: 'uncontactable', reason: 'moved-away' });
    const event = (await outboxEvents(kase.id)).filter((e) => e.type === 'case.stage-changed').at(-1);
    expect(event?.payload).toMatchObject({ from: 'first-contact', to: 'uncontactable', reason: 'moved-away' });
  });

  it('rejects a referral at triage with its reason', async () => {
    const kase = await cases.referral();
    const missingReason = await cases.call('post', `/cases/${kase.id}/triage`, cases.coordinator, { decision: 'rejected' });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.details[0]).toMatchObject({ field: 'rejectionReason', rule: 'isIn' });
    const rejected = await cases.ok('post', `/cases/${kase.id}/triage`, cases.coordinator, {
      decision: 'rejected',
      rejectionReason: 'no-admission-of-responsibility',
    });
    expect(rejected).toMatchObject({ stage: 'rejected', triage: { decision: 'rejected', rejectionReason: 'no-admission-of-responsibility' } });
    const again = await cases.call('post', `/cases/${kase.id}/triage`, cases.coordinator, { decision: 'accepted' });
    expect(again.status).toBe(409);
  });

  it('tracks the 48-hour first-contact deadline and the attempts against it', async () => {
    const late = await cases.referral({ receivedAt: '2026-11-01T09:00:00Z' });
    expect(late.firstContact).toEqual({ dueAt: '2026-11-03T09:00:00.000Z', madeAt: null, breached: true });
    const onTime = await cases.referral({ receivedAt: new Date(Date.now() - 3600_000).toISOString() });
    expect(onTime.firstContact.breached).toBe(false);

    const overdue = await cases.ok<{ items: { id: string }[] }>('get', '/cases?firstContactOverdue=true&limit=200', cases.coordinator);
    const ids = overdue.items.map((c) => c.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(onTime.id);

    await cases.ok('post', `/cases/${late.id}/triage`, cases.coordinator, { decision: 'accepted' });
    await cases.ok('post', `/cases/${late.id}/contact-attempts`, cases.coordinator, { channel: 'phone', outcome: 'no-answer', attemptedAt: '2026-11-02T10:00:00Z' });
    await cases.ok('post', `/cases/${late.id}/contact-attempts`, cases.coordinator, { channel: 'phone', outcome: 'reached', attemptedAt: '2026-11-04T10:00:00Z' });
    const contacted = await cases.ok('get', `/cases/${late.id}`, cases.coordinator);
    expect(contacted.firstContact).toEqual({ dueAt: '2026-11-03T09:00:00.000Z', madeAt: '2026-11-04T10:00:00.000Z', breached: true });
    const attempts = await cases.ok<unknown[]>('get', `/cases/${late.id}/contact-attempts`, cases.coordinator);
    expect(attempts).toHaveLength(2);
  });

  it('refuses a contact attempt on a channel the person has not said is safe', async () => {
    const kase = await cases.referral();
    const harmed = await cases.participant(kase.id, { ...personHarmed(), safeChannels: { sms: false, voicemail: false, email: true, letters: false } });
    const response = await cases.call('post', `/cases/${kase.id}/contact-attempts`, cases.coordinator, {
      participantId: harmed.id,
      channel: 'sms',
      outcome: 'message-sent',
      attemptedAt: '2026-11-17T10:00:00Z',
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: 'unsafe-channel', message: 'sms: the participant has not said SMS is safe' });
  });
});

function personHarmed() {
  return { role: 'person-harmed', name: 'Amira Khan', phone: '+447700900555', email: 'amira@example.org' };
}
