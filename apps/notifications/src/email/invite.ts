import { createEvent, type EventAttributes } from 'ics';

export interface Invite {
  sessionId: string;
  /** Whose calendar: each recipient gets their own invite, naming no one else. */
  recipientId: string;
  recipientEmail: string;
  recipientName: string;
  organizer: { name: string; email: string };
  version: number;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  title: string;
  /** Where, as the message's own text says it (its venue's name and address, or a video call); absent when the text does not. */
  location?: string;
}

/**
 * The calendar invite of one recipient for one session: one UID per session and recipient, so a
 * calendar updates the same entry; SEQUENCE is the session version, so a move or a cancellation
 * supersedes what came before. It lists the recipient alone, and says no more of where than the
 * message's text does.
 */
export function inviteFor(invite: Invite): string {
  const utc = (d: Date): EventAttributes['start'] => d.getTime();
  const attributes: EventAttributes = {
    uid: `${invite.sessionId}.${invite.recipientId}@convene`,
    sequence: invite.version,
    method: invite.cancelled ? 'CANCEL' : 'REQUEST',
    status: invite.cancelled ? 'CANCELLED' : 'CONFIRMED',
    productId: 'convene/notifications',
    title: invite.title,
    ...(invite.location ? { location: invite.location } : {}),
    start: utc(invite.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utc(invite.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    organizer: invite.organizer,
    attendees: [{ name: invite.recipientName, email: invite.recipientEmail, rsvp: false, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }],
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new Error(`calendar invite: ${error?.message ?? 'no value'}`);
  return value;
}
