import { CASE_STAGES, CaseStage } from '#contracts';
import { jointMeetingBlockers } from '../consent/joint-meeting-rule';
import { CaseFacts, judgeMove, MoveRequest } from './move-rules';

/** Facts under which every precondition holds, so only the machine itself decides. */
const ready: Omit<CaseFacts, 'stage' | 'heldFromStage'> = {
  triageDecision: 'accepted',
  firstContactMade: true,
  facilitatorsAssigned: true,
  anyPartyConsented: true,
  jointMeetingBlockers: [],
  agreementRecorded: true,
};

/** A well-formed request for each target: the reason, party or delivery it needs. */
function requestFor(to: CaseStage): MoveRequest {
  const details: Partial<Record<CaseStage, Partial<MoveRequest>>> = {
    'on-hold': { reason: 'trial' },
    unsuitable: { reason: 'risk-to-participant' },
    closed: { reason: 'completed' },
    uncontactable: { reason: 'no-response' },
    rejected: { reason: 'out-of-area', viaTriage: true },
    withdrawn: { withdrawnBy: 'person-harmed' },
    'direct-meeting': { delivery: 'face-to-face-conference' },
    'indirect-communication': { delivery: 'letters' },
  };
  return { to, ...details[to] };
}

const exits: CaseStage[] = ['on-hold', 'withdrawn', 'unsuitable', 'uncontactable', 'other-party-declined'];

// Written out from shared/domain.md, independently of the machine's own table.
const expected: Record<CaseStage, CaseStage[]> = {
  referred: ['first-contact', 'rejected', ...exits],
  'first-contact': ['assessment', ...exits],
  assessment: ['consent', ...exits],
  consent: ['preparation', ...exits],
  preparation: ['direct-meeting', 'indirect-communication', ...exits],
  'direct-meeting': ['outcome-agreement', 'follow-up', ...exits],
  'indirect-communication': ['direct-meeting', 'outcome-agreement', 'follow-up', ...exits],
  'outcome-agreement': ['follow-up', ...exits],
  'follow-up': ['closed', ...exits],
  closed: [],
  rejected: [],
  'on-hold': [],
  withdrawn: [],
  unsuitable: [],
  uncontactable: [],
  'other-party-declined': [],
};

describe('case stage moves', () => {
  const openStages = CASE_STAGES.filter((s) => s !== 'on-hold');

  describe.each(openStages)('from %s', (from) => {
    it.each(CASE_STAGES)(`to %s is allowed exactly when the process allows it`, (to) => {
      const verdict = judgeMove({ ...ready, stage: from, heldFromStage: null }, requestFor(to));
      if (expected[from].includes(to)) {
        expect(verdict).toEqual({ ok: true });
      } else {
        expect(verdict).toMatchObject({ ok: false, kind: 'refused', code: 'stage-move-refused' });
      }
    });
  });

  it('names the moves allowed from here when it refuses one', () => {
    const verdict = judgeMove({ ...ready, stage: 'assessment', heldFromStage: null }, { to: 'closed', reason: 'completed' });
    expect(verdict).toEqual({
      ok: false,
      kind: 'refused',
      code: 'stage-move-refused',
      message:
        'cannot move from assessment to closed; allowed from here: consent, on-hold, withdrawn, unsuitable, uncontactable, other-party-declined',
      allowed: ['consent', ...exits],
    });
  });

  it('returns a case on hold only to the stage it was held from, or out of the process', () => {
    const held = { ...ready, stage: 'on-hold' as const, heldFromStage: 'preparation' as const };
    expect(judgeMove(held, requestFor('preparation'))).toEqual({ ok: true });
    expect(judgeMove(held, requestFor('withdrawn'))).toEqual({ ok: true });
    expect(judgeMove(held, requestFor('consent'))).toMatchObject({ ok: false, code: 'stage-move-refused' });
    expect(judgeMove(held, requestFor('on-hold'))).toMatchObject({ ok: false, code: 'stage-move-refused' });
    expect(judgeMove(held, requestFor('direct-meeting'))).toMatchObject({ ok: false, code: 'stage-move-refused' });
  });

  describe('needs the details each exit records', () => {
    const at = { ...ready, stage: 'preparation' as const, heldFromStage: null };
    it.each([
      [{ to: 'on-hold' } as MoveRequest, 'reason'],
      [{ to: 'on-hold', reason: 'completed' } as MoveRequest, 'reason'],
      [{ to: 'unsuitable', reason: 'trial' } as MoveRequest, 'reason'],
      [{ to: 'uncontactable' } as MoveRequest, 'reason'],
      [{ to: 'uncontactable', reason: 'no-answer' } as MoveRequest, 'reason'],
      [{ to: 'withdrawn' } as MoveRequest, 'withdrawnBy'],
      [{ to: 'direct-meeting', delivery: 'letters' } as MoveRequest, 'delivery'],
      [{ to: 'indirect-communication' } as MoveRequest, 'delivery'],
    ])('%o is invalid in field %s', (move, field) => {
      expect(judgeMove(at, move)).toMatchObject({ ok: false, kind: 'invalid', field });
    });
  });

  describe('refuses moves whose preconditions are unmet', () => {
    it.each<[CaseStage, Partial<CaseFacts>, MoveRequest, RegExp]>([
      ['referred', { triageDecision: null }, { to: 'first-contact' }, /triage has not accepted/],
      ['referred', {}, { to: 'rejected', reason: 'out-of-area' }, /rejected through triage/],
      ['first-contact', { firstContactMade: false }, { to: 'assessment' }, /no successful contact/],
      ['first-contact', { facilitatorsAssigned: false }, { to: 'assessment' }, /two facilitators/],
      ['consent', { anyPartyConsented: false }, { to: 'preparation' }, /no party has consented/],
      ['outcome-agreement', { agreementRecorded: false }, { to: 'follow-up' }, /outcome agreement has not been recorded/],
    ])('from %s with %o', (stage, facts, move, message) => {
      const verdict = judgeMove({ ...ready, ...facts, stage, heldFromStage: null }, move);
      expect(verdict).toMatchObject({ ok: false, kind: 'refused', code: 'stage-precondition-unmet' });
      expect((verdict as { message: string }).message).toMatch(message);
    });

    it('refuses a direct meeting until both parties consented and it was judged safe', () => {
      const blockers = jointMeetingBlockers({
        participants: [
          { id: 'v', role: 'person-harmed' },
          { id: 'o', role: 'person-responsible' },
        ],
        consentedToParticipate: new Set(['v']),
        latestJointAssessment: null,
      });
      const verdict = judgeMove(
        { ...ready, stage: 'preparation', heldFromStage: null, jointMeetingBlockers: blockers },
        { to: 'direct-meeting', delivery: 'face-to-face-conference' },
      );
      expect(verdict).toMatchObject({ ok: false, code: 'stage-precondition-unmet' });
      expect((verdict as { message: string }).message).toContain('person-responsible o has not consented to take part');
      expect((verdict as { message: string }).message).toContain('have not recorded that a joint meeting is safe and suitable');
    });
  });
});

describe('the joint meeting rule', () => {
  const parties = [
    { id: 'v', role: 'person-harmed' as const },
    { id: 'o', role: 'person-responsible' as const },
    { id: 's', role: 'supporter' as const },
  ];

  it('has nothing in the way once both parties consented and a meeting was judged safe and suitable', () => {
    expect(
      jointMeetingBlockers({ participants: parties, consentedToParticipate: new Set(['v', 'o']), latestJointAssessment: { suitable: true } }),
    ).toEqual([]);
  });

  it('blocks when the latest judgement found a meeting unsuitable', () => {
    expect(
      jointMeetingBlockers({ participants: parties, consentedToParticipate: new Set(['v', 'o']), latestJointAssessment: { suitable: false } }),
    ).toEqual(['the latest assessment judged a joint meeting unsafe or unsuitable']);
  });

  it('needs every person harmed where there are several, and a person responsible at all', () => {
    expect(
      jointMeetingBlockers({
        participants: [parties[0]!, { id: 'v2', role: 'person-harmed' }],
        consentedToParticipate: new Set(['v']),
        latestJointAssessment: { suitable: true },
      }),
    ).toEqual(['person-harmed v2 has not consented to take part', 'the case has no person-responsible participant']);
  });
});
