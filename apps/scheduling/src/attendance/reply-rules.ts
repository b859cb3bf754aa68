import type { SessionEntity } from '../sessions/session.entity';

export interface ReplyFacts {
  sessionVersion: number;
  participantId: string;
  receivedAt: string;
}

/**
 * Why a participant's reply to a reminder no longer applies to the session as it stands, or
 * null when it does. A reply speaks of the version its reminder described: once the session
 * moved, was cancelled or is over, it says nothing of what the session is now. The reason
 * names no one, so it may be logged.
 */
export function replyRefusal(session: Pick<SessionEntity, 'status' | 'version' | 'participantIds' | 'endsAt'>, reply: ReplyFacts): string | null {
  if (session.status === 'cancelled') return 'the session is cancelled';
  if (reply.sessionVersion !== session.version) return `the reply is to version ${reply.sessionVersion}, the session is at version ${session.version}`;
  if (session.status !== 'booked') return `the session is ${session.status}`;
  if (!session.participantIds.includes(reply.participantId)) return 'the participant is not an attendee of the session';
  if (session.endsAt!.getTime() <= Date.parse(reply.receivedAt)) return 'the reply came after the session ended';
  return null;
}
