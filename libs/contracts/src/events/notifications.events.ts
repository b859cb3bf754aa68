import type { MessageChannel } from '../vocabulary';

/**
 * Events of the notifications service, version 1: what participants answered and what became
 * of the messages sent. Ids and facts only: never a phone number, address or message text.
 */

interface ReplyFactsV1 {
  sessionId: string;
  /** The session version of the reminder replied to. */
  sessionVersion: number;
  participantId: string;
  channel: MessageChannel;
  receivedAt: string;
}

/** "C" or "YES" in reply to a reminder. */
export type ReplyAttendanceConfirmedV1 = ReplyFactsV1;

/** "R" in reply to a reminder; the coordinator is alerted as well. */
export type ReplyRescheduleRequestedV1 = ReplyFactsV1;

/** A participant's ticks on their poll page or in reply to a poll message. */
export interface PollAnsweredV1 {
  pollId: string;
  participantId: string;
  chosenOptionIds: string[];
  answeredAt: string;
}

/** What a message is for: its template's purpose. */
export const MESSAGE_PURPOSES = [
  'confirmation',
  'reminder',
  'reschedule',
  'cancellation',
  'poll',
  'reply',
  'alert',
] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

/**
 * A message's life: held by the content policy (then released or discarded), queued, sent,
 * delivered, failed or undelivered at the provider, or dropped (quiet hours outlasted it,
 * the session changed or started first).
 */
export const MESSAGE_STATUSES = [
  'held',
  'released',
  'discarded',
  'queued',
  'sent',
  'delivered',
  'failed',
  'undelivered',
  'dropped',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface MessageStatusChangedV1 {
  messageId: string;
  /** Null for a message that is not about one session (a reply to HELP, say). */
  sessionId: string | null;
  participantId: string | null;
  channel: MessageChannel;
  purpose: MessagePurpose;
  status: MessageStatus;
  changedAt: string;
}

/** STOP or another standard opt-out word: the channel is no longer used for this person. */
export interface ChannelOptedOutV1 {
  participantId: string | null;
  channel: MessageChannel;
  optedOutAt: string;
}
