import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { DomainEvent, EventPayloads, EventType } from '#contracts';
import { EventConsumer } from '#messaging';
import { AvailabilityRepository } from '../src/availability/availability.repository';
import { VenueRepository } from '../src/venues/venue.repository';

export const ORGANISATION = 'bench-org';
const OFFICE_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

export interface Hold {
  sessionId: string;
  start: string;
  venueId: string;
}

export interface Seeded {
  sessionIds: string[];
  /** Each case's four sessions, and whether the case races the other contended ones for one room. */
  cases: { sessionIds: string[]; contended: boolean }[];
  /**
   * Where a session of a case is held in a round: on the round's weekday (a week per five
   * rounds), at a time of its own, by video; a contended case's sessions all at one room and
   * the same time, so in each round one of them wins and the others get a 409.
   */
  holdAt(caseIndex: number, session: number, round: number): Hold;
}

/**
 * A service's worth of work: `cases` cases, each with two facilitators on office hours, both
 * parties and four preparation sessions to place, delivered as the cases service's events.
 */
export async function seed(context: INestApplicationContext, cases: number, contendedCases: number): Promise<Seeded> {
  const consumer = context.get(EventConsumer);
  const dataSource = context.get<DataSource>(getDataSourceToken('scheduling'));
  const venues = context.get(VenueRepository);
  const availability = context.get(AvailabilityRepository);
  let sequence = 0;
  const deliver = <T extends EventType>(type: T, payload: EventPayloads[T], caseId: string | null) => {
    sequence += 1;
    const event: DomainEvent<T> = { id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), source: 'cases', sequence, caseId, organisationId: ORGANISATION, payload };
    return consumer.handle(event);
  };
  const venue = async (kind: 'community' | 'video', label: string) => {
    const id = randomUUID();
    await venues.insert(dataSource.manager, { id, organisationId: ORGANISATION, kind, label, address: null, directions: null, timeZone: 'Europe/London', capacity: kind === 'video' ? null : 8, accessible: true, establishment: null, hours: kind === 'video' ? [] : OFFICE_HOURS, createdAt: new Date() });
    return id;
  };
  const hub = await venue('community', 'Hub');
  await venue('community', 'Annex');
  const video = await venue('video', 'Video');

  const monday = DateTime.now().setZone('Europe/London').plus({ weeks: 1 }).set({ weekday: 1, hour: 9, minute: 0, second: 0, millisecond: 0 });
  const at = (round: number, hours: number) =>
    monday.plus({ weeks: Math.floor(round / 5), days: round % 5, hours }).toUTC().toISO({ suppressMilliseconds: true })!;
  const seeded: Seeded = {
    sessionIds: [],
    cases: [],
    holdAt(caseIndex, session, round) {
      const { sessionIds, contended } = this.cases[caseIndex]!;
      return { sessionId: sessionIds[session]!, start: contended ? at(round, 0) : at(round, 2 * session), venueId: contended ? hub : video };
    },
  };
  for (let c = 0; c < cases; c += 1) {
    const caseId = randomUUID();
    const facilitators = [randomUUID(), randomUUID()];
    for (const facilitatorId of facilitators) {
      await deliver('facilitator.registered', { facilitatorId, capacity: 10, timeZone: 'Europe/London', active: true }, null);
      await dataSource.transaction((manager) => availability.replaceWeekly(manager, facilitatorId, OFFICE_HOURS));
    }
    const sessionIds: string[] = [];
    const parties = [randomUUID(), randomUUID()];
    for (const [index, participantId] of parties.entries()) {
      await deliver('participant.added', {
        participantId, role: index === 0 ? 'person-harmed' : 'person-responsible', supportsParticipantId: null, language: 'en', timeZone: 'Europe/London',
        inCustody: false, establishment: null, needsAccessibleVenue: false, interpreterLanguage: null,
        channels: { sms: true, email: true, voicemail: false, letters: false }, discreet: false,
      }, caseId);
    }
    for (let s = 0; s < 4; s += 1) {
      const requestId = randomUUID();
      await deliver('session.requested', {
        requestId, kind: 'preparation', participantIds: [parties[s % 2]!], facilitatorIds: facilitators, durationMinutes: 60,
        delivery: null, notBefore: null, requestedAt: new Date().toISOString(),
      }, caseId);
      sessionIds.push(requestId);
    }
    seeded.sessionIds.push(...sessionIds);
    seeded.cases.push({ sessionIds, contended: c < contendedCases });
  }
  return seeded;
}
