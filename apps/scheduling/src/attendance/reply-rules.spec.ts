import { replyRefusal } from './reply-rules';

describe('whether a reply still applies to its session', () => {
  const participant = '00000000-0000-4000-8000-000000000001';
  const booked = { status: 'booked' as const, version: 2, participantIds: [participant], endsAt: new Date('2027-03-01T11:00:00Z') };
  const reply = { sessionVersion: 2, participantId: participant, receivedAt: '2027-02-27T18:00:00Z' };

  it('applies to the booked version it was sent about', () => {
    expect(replyRefusal(booked, reply)).toBeNull();
  });

  it('no longer applies once the session moved, was cancelled or is over, nor from someone not attending', () => {
    expect(replyRefusal({ ...booked, version: 3 }, reply)).toBe('the reply is to version 2, the session is at version 3');
    expect(replyRefusal({ ...booked, status: 'cancelled', version: 3 }, reply)).toBe('the session is cancelled');
    expect(replyRefusal({ ...booked, status: 'held' }, reply)).toBe('the session is held');
    expect(replyRefusal({ ...booked, participantIds: [] }, reply)).toBe('the participant is not an attendee of the session');
    expect(replyRefusal(booked, { ...reply, receivedAt: '2027-03-01T11:00:00Z' })).toBe('the reply came after the session ended');
  });
});
