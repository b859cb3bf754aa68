import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { DomainEvent, EventPayloads, EventType, ParticipantRole, ParticipantV1, SessionKind } from '#contracts';
import { EventConsumer, type HandleOutcome } from '#messaging';
import type { TestApp } from '#testing';

/** Weekdays 09:00-17:00 in the person's or venue's own time zone. */
export const OFFICE_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

export interface TestCase {
  caseId: string;
  harmed: string;
  responsible: string;
  facilitators: [string, string];
}

/**
 * Builds scheduling's world as the cases service and coordinators would: events delivered
 * through the real consumer (exactly once, in its own transaction), venues and availability
 * through the HTTP API. Every call asserts its status, so a broken step fails where it breaks.
 */
export class SchedulingFactory {
  private sequence = 0;
  readonly dataSource: DataSource;
  private readonly consumer: EventConsumer;

  constructor(
    private readonly t: TestApp,
    readonly coordinator: string,
    readonly organisationId = 'org-a',
  ) {
    this.dataSource = t.app.get<DataSource>(getDataSourceToken('scheduling'));
    this.consumer = t.app.get(EventConsumer);
  }

  event<T extends EventType>(type: T, payload: EventPayloads[T], caseId: string | null): DomainEvent<T> {
    this.sequence += 1;
    return {
      id: randomUUID(),
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      source: 'cases',
      sequence: this.sequence,
      caseId,
      organisationId: this.organisationId,
      payload,
    };
  }

  deliver(event: DomainEvent): Promise<HandleOutcome> {
    return this.consumer.handle(event);
  }

  async facilitator(): Promise<string> {
    const facilitatorId = randomUUID();
    await this.deliver(this.event('facilitator.registered', { facilitatorId, capacity: 10, timeZone: 'Europe/London', active: true }, null));
    return facilitatorId;
  }

  async participant(caseId: string, role: ParticipantRole, facts: Partial<ParticipantV1> = {}): Promise<string> {
    const participantId = randomUUID();
    await this.deliver(this.event('participant.added', participantFacts(participantId, role, facts), caseId));
    return participantId;
  }

  /** A case with both parties and two facilitators; facts for either party override the defaults. */
  async case(harmed: Partial<ParticipantV1> = {}, responsible: Partial<ParticipantV1> = {}): Promise<TestCase> {
    const caseId = randomUUID();
    const facilitators: [string, string] = [await this.facilitator(), await this.facilitator()];
    await this.deliver(
      this.event('case.facilitators-assigned', { leadFacilitatorId: facilitators[0], coFacilitatorId: facilitators[1], capacityOverridden: false }, caseId),
    );
    return {
      caseId,
      facilitators,
      harmed: await this.participant(caseId, 'person-harmed', harmed),
      responsible: await this.participant(caseId, 'person-responsible', responsible),
    };
  }

  async request(c: TestCase, kind: SessionKind, participantIds: string[], durationMinutes = 60, notBefore: string | null = null): Promise<string> {
    const requestId = randomUUID();
    const payload = { requestId, kind, participantIds, facilitatorIds: c.facilitators, durationMinutes, delivery: null, notBefore, requestedAt: new Date().toISOString() };
    await this.deliver(this.event('session.requested', payload, c.caseId));
    return requestId;
  }

  venue(body: object): Promise<{ id: string }> {
    return this.ok('post', '/venues', { timeZone: 'Europe/London', accessible: true, hours: OFFICE_HOURS, ...body });
  }

  weekly(personId: string, weekly: object[]): Promise<unknown> {
    return this.ok('put', `/people/${personId}/availability`, { weekly });
  }

  call(method: 'get' | 'post' | 'put', path: string, body?: object, token = this.coordinator) {
    const call = request(this.t.http)[method](path).set('Authorization', `Bearer ${token}`);
    return body ? call.send(body) : call;
  }

  async ok<T = Record<string, any>>(method: 'get' | 'post' | 'put', path: string, body?: object, token = this.coordinator): Promise<T> {
    const response = await this.call(method, path, body, token);
    if (response.status >= 300) throw new Error(`${method.toUpperCase()} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  }

  /** Events recorded in scheduling's outbox, oldest first. */
  outbox(type: EventType, caseId?: string): Promise<{ case_id: string; payload: Record<string, any> }[]> {
    return this.dataSource.query(
      `SELECT case_id, payload FROM scheduling.outbox_event WHERE type = $1 AND ($2::uuid IS NULL OR case_id = $2) ORDER BY position`,
      [type, caseId ?? null],
    );
  }
}

function participantFacts(participantId: string, role: ParticipantRole, facts: Partial<ParticipantV1>): ParticipantV1 {
  return {
    participantId,
    role,
    supportsParticipantId: null,
    language: 'en',
    timeZone: 'Europe/London',
    inCustody: false,
    establishment: null,
    needsAccessibleVenue: false,
    interpreterLanguage: null,
    channels: { sms: true, email: true, voicemail: false, letters: false },
    discreet: false,
    ...facts,
  };
}

/** Each call a factory for an organisation of its own (named from the prefix), so a test has its own venues. */
export function organisations(app: () => TestApp, prefix: string): () => SchedulingFactory {
  let count = 0;
  return () => {
    count += 1;
    const org = `${prefix}-${count}`;
    return new SchedulingFactory(app(), app().token('coordinator', org), org);
  };
}
