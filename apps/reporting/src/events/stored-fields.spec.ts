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

  it('refuses an event it has no list for rather than storing it whole', () => {
    expect(() => storedPayload({ type: 'session.unknown', payload: {} } as unknown as DomainEvent)).toThrow(/keeps no fields of session.unknown/);
  });
});
