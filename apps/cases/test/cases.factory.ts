import type { Server } from 'node:http';
import request from 'supertest';

export const referralBody = {
  source: 'police',
  initiatedBy: 'person-harmed',
  offenceCategory: 'burglary',
  domesticAbuse: false,
  sexualOffence: false,
  hateCrime: false,
  justiceStage: 'post-sentence',
  ageGroup: 'adult',
  receivedAt: '2026-11-16T09:00:00Z',
};

export const personHarmedBody = {
  role: 'person-harmed',
  name: 'Sarah Jones',
  phone: '07700 900123',
  email: 'sarah.j@example.org',
  address: '12 Elm Road, Maidstone ME14 2AB',
  safeChannels: { sms: true, voicemail: false, email: true, letters: false },
  preferredChannel: 'sms',
  accessibilityNeeds: 'Uses a wheelchair',
  needsAccessibleVenue: true,
};

export const personResponsibleBody = {
  role: 'person-responsible',
  name: 'Mark Smith',
  safeChannels: { sms: false, voicemail: false, email: false, letters: false },
  inCustody: true,
  establishment: 'hmp-elmley',
};

/**
 * Builds cases through the real API, as a coordinator and the case's facilitators would.
 * Every call asserts its status, so a broken step fails where it breaks.
 */
export class CasesFactory {
  constructor(
    private readonly http: Server,
    readonly coordinator: string,
    readonly manager: string,
  ) {}

  call(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, token: string, body?: object) {
    const call = request(this.http)[method](path).set('Authorization', `Bearer ${token}`);
    return body ? call.send(body) : call;
  }

  async ok<T = Record<string, any>>(method: 'get' | 'post' | 'put' | 'patch', path: string, token: string, body?: object): Promise<T> {
    const response = await this.call(method, path, token, body);
    if (response.status >= 300) throw new Error(`${method.toUpperCase()} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  }

  referral(overrides: object = {}) {
    return this.ok('post', '/cases', this.coordinator, { ...referralBody, ...overrides });
  }

  facilitator(userId: string, capacity?: number) {
    return this.ok('post', '/facilitators', this.manager, { userId, displayName: `Facilitator ${userId}`, capacity });
  }

  participant(caseId: string, body: object) {
    return this.ok('post', `/cases/${caseId}/participants`, this.coordinator, body);
  }

  move(caseId: string, token: string, to: string, extra: object = {}) {
    return this.ok('post', `/cases/${caseId}/stage`, token, { to, ...extra });
  }

  /**
   * A case triaged, contacted, allocated to two facilitators, with both parties on it and
   * consenting, at the preparation stage. Returns the ids a test needs.
   */
  async caseInPreparation(lead: { id: string; token: string }, coId: string) {
    const kase = await this.referral();
    await this.ok('post', `/cases/${kase.id}/triage`, this.coordinator, { decision: 'accepted' });
    const harmed = await this.participant(kase.id, personHarmedBody);
    const responsible = await this.participant(kase.id, personResponsibleBody);
    const manager = await this.participant(kase.id, {
      role: 'offender-manager',
      name: 'Olu Probation',
      email: 'olu@probation.example.net',
      supportsParticipantId: responsible.id,
      safeChannels: { sms: false, voicemail: false, email: true, letters: false },
    });
    await this.ok('post', `/cases/${kase.id}/contact-attempts`, this.coordinator, {
      participantId: harmed.id,
      channel: 'phone',
      outcome: 'reached',
      attemptedAt: '2026-11-17T10:00:00Z',
    });
    await this.ok('put', `/cases/${kase.id}/facilitators`, this.coordinator, { leadFacilitatorId: lead.id, coFacilitatorId: coId });
    await this.move(kase.id, lead.token, 'assessment');
    await this.move(kase.id, lead.token, 'consent');
    for (const participant of [harmed, responsible]) {
      await this.ok('post', `/cases/${kase.id}/participants/${participant.id}/consents`, lead.token, {
        scope: 'participation',
        method: 'written',
        givenAt: '2026-11-18T10:00:00Z',
      });
    }
    await this.move(kase.id, lead.token, 'preparation');
    return { caseId: kase.id as string, reference: kase.reference as string, harmed, responsible, offenderManager: manager };
  }
}
