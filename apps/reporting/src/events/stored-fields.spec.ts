import { type DomainEvent, eventsSubscribedBy } from '#contracts';
import { STORED_FIELDS, storedPayload } from './stored-fields';

describe('what reporting keeps of each event', () => {
  it('knows the fields to keep of every event reporting subscribes to', () => {
    const unknown = eventsSubscribedBy('reporting').filter((type) => STORED_FIELDS[type] === undefined);
    expect(unknown).toEqual([]);
  });

  it('drops where a person is held and how they may be reached', () => {
    const event = {
      type: 'participant.added',
      payload: {
        participantId: 'p-1',
        role: 'person-responsible',
        supportsParticipantId: null,
        language: 'en',
        timeZone: 'Europe/London',
        inCustody: true,
        establishment: 'hmp-elmley',
        needsAccessibleVenue: false,
        interpreterLanguage: 'pl',
        channels: { sms: false, email: false, voicemail: false, letters: true },
        discreet: true,
      },
    } as unknown as DomainEvent;
    expect(storedPayload(event)).toEqual({ participantId: 'p-1', role: 'person-responsible', supportsParticipantId: null, inCustody: true });
  });

  it('keeps of a message its id, channel, purpose and status, and nothing a producer added besides', () => {
    const event = {
      type: 'message.status-changed',
      payload: {
        messageId: 'm-1', sessionId: 's-1', participantId: 'p-1', channel: 'sms', purpose: 'reminder', status: 'delivered',
        changedAt: '2026-11-20T09:00:00Z', to: '+447700900123', body: 'See you at 12 Elm Road',
      },
    } as unknown as DomainEvent;
    expect(storedPayload(event)).toEqual({ messageId: 'm-1', channel: 'sms', purpose: 'reminder', status: 'delivered' });
  });

  it('keeps of a booking which session, its kind and version, not its time, venue or attendees', () => {
    const event = {
      type: 'session.booked',
      payload: {
        sessionId: 's-1', kind: 'conference', version: 1, participantIds: ['p-1', 'p-2'], facilitatorIds: ['f-1'],
        startsAt: '2026-11-20T09:00:00Z', endsAt: '2026-11-20T11:00:00Z', venueId: 'v-1', venueKind: 'prison',
      },
    } as unknown as DomainEvent;
    expect(storedPayload(event)).toEqual({ sessionId: 's-1', kind: 'conference', version: 1 });
  });

  it('refuses an event it has no list for rather than storing it whole', () => {
    expect(() => storedPayload({ type: 'session.unknown', payload: {} } as unknown as DomainEvent)).toThrow(/keeps no fields of session.unknown/);
  });
});
