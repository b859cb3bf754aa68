import { RequestFacts, sessionRequestProblems } from './session-request-rules';

const facts: RequestFacts = {
  stage: 'preparation',
  facilitatorsAssigned: true,
  participants: [
    { id: 'v', role: 'person-harmed', supportsParticipantId: null },
    { id: 'o', role: 'person-responsible', supportsParticipantId: null },
    { id: 'sv', role: 'supporter', supportsParticipantId: 'v' },
    { id: 'so', role: 'supporter', supportsParticipantId: 'o' },
    { id: 'om', role: 'offender-manager', supportsParticipantId: 'o' },
  ],
  consentedToParticipate: new Set(['v', 'o', 'sv', 'so']),
  jointMeetingBlockers: [],
};

describe('requesting a session', () => {
  it('allows a preparation session with one party and their own supporter', () => {
    expect(sessionRequestProblems('preparation', ['v', 'sv'], facts)).toEqual([]);
  });

  it('allows the offender manager at the person responsible\'s preparation without consent of their own', () => {
    expect(sessionRequestProblems('preparation', ['o', 'om'], facts)).toEqual([]);
  });

  it('never puts both parties in a preparation session', () => {
    expect(sessionRequestProblems('preparation', ['v', 'o'], facts)).toEqual([
      'preparation sessions are with one party: the person harmed or the person responsible, not both',
    ]);
  });

  it('keeps the other side\'s supporter out of a one-party session', () => {
    expect(sessionRequestProblems('follow-up', ['v', 'so'], { ...facts, stage: 'follow-up' })).toEqual([
      'supporter so is with the other party and cannot attend a follow-up session for this party',
    ]);
  });

  it('refuses a conference until the joint meeting rule holds', () => {
    const blocked = { ...facts, jointMeetingBlockers: ['person-responsible o has not consented to take part'] };
    expect(sessionRequestProblems('conference', ['v', 'o', 'om'], blocked)).toEqual(['person-responsible o has not consented to take part']);
    expect(sessionRequestProblems('conference', ['v', 'o', 'om'], facts)).toEqual([]);
  });

  it('needs both parties at a conference', () => {
    expect(sessionRequestProblems('conference', ['v', 'sv'], facts)).toEqual(['a conference needs the person-responsible among the participants']);
  });

  it('needs consent from everyone attending in their own right', () => {
    const noSupporterConsent = { ...facts, consentedToParticipate: new Set(['v', 'o']) };
    expect(sessionRequestProblems('preparation', ['v', 'sv'], noSupporterConsent)).toEqual(['supporter sv has not consented to take part']);
  });

  it('ties each kind to the stages where it belongs, and needs the facilitators', () => {
    expect(sessionRequestProblems('conference', ['v', 'o'], { ...facts, stage: 'assessment', facilitatorsAssigned: false })).toEqual([
      'conference sessions cannot be requested while the case is at assessment',
      'two facilitators must be assigned first',
    ]);
    expect(sessionRequestProblems('indirect-step', ['v'], facts)).toEqual([
      'indirect-step sessions cannot be requested while the case is at preparation',
    ]);
  });

  it('names participants who are not on the case', () => {
    expect(sessionRequestProblems('preparation', ['v', 'ghost'], facts)).toEqual(['not participants of this case: ghost']);
  });
});
