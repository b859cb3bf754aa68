import type { ParticipantRecord } from './participant.record';
import { contactRoute } from './contact-route';

function participant(overrides: Partial<ParticipantRecord>): ParticipantRecord {
  return {
    id: 'p',
    caseId: 'c',
    role: 'person-harmed',
    supportsParticipantId: null,
    name: 'Ada Lovelace',
    phone: '+447700900001',
    email: 'ada@example.org',
    address: '1 Elm Road',
    letterAddress: null,
    smsAllowed: true,
    voicemailAllowed: false,
    emailAllowed: false,
    lettersAllowed: false,
    preferredChannel: 'sms',
    discreet: true,
    language: 'cy',
    timeZone: 'Europe/London',
    accessibilityNeeds: null,
    needsAccessibleVenue: false,
    interpreterLanguage: null,
    inCustody: false,
    establishment: null,
    removedAt: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

describe('the contact route for session logistics', () => {
  it('goes to the participant on the channels they marked safe only', () => {
    const route = contactRoute('v', [participant({ id: 'v' })]);
    expect(route.recipient).toEqual({
      participantId: 'v',
      role: 'person-harmed',
      relation: 'self',
      firstName: 'Ada',
      language: 'cy',
      timeZone: 'Europe/London',
      discreet: true,
      sms: '+447700900001',
      email: null,
    });
  });

  it('never reaches a person in custody: their offender manager receives the logistics', () => {
    const route = contactRoute('o', [
      participant({ id: 'o', role: 'person-responsible', inCustody: true, establishment: 'hmp-elmley', smsAllowed: false, phone: null }),
      participant({ id: 'om-other', role: 'offender-manager', supportsParticipantId: 'someone-else', name: 'Other Manager' }),
      participant({ id: 'om', role: 'offender-manager', supportsParticipantId: 'o', name: 'Olu Manager', emailAllowed: true }),
    ]);
    expect(route.recipient).toMatchObject({
      participantId: 'om',
      relation: 'offender-manager-for-person-in-custody',
      firstName: 'Olu',
      email: 'ada@example.org',
    });
  });

  it('says why when a person in custody has no offender manager on the case', () => {
    const route = contactRoute('o', [participant({ id: 'o', role: 'person-responsible', inCustody: true, establishment: 'hmp-x' })]);
    expect(route).toEqual({
      participantId: 'o',
      recipient: null,
      unreachableReason: 'the person is in custody and the case has no offender manager for them',
    });
  });

  it('does not reach a participant who was removed from the case', () => {
    expect(contactRoute('v', [participant({ id: 'v', removedAt: new Date() })]).recipient).toBeNull();
  });
});
