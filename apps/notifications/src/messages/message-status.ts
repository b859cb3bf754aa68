import type { MessageStatus } from '#contracts';

/** Where nothing moves any more. */
export const FINAL_STATUSES: readonly MessageStatus[] = ['delivered', 'undelivered', 'failed', 'dropped', 'discarded'];

const NEXT: Record<MessageStatus, readonly MessageStatus[]> = {
  held: ['held', 'released', 'discarded'],
  released: ['queued'],
  queued: ['sent', 'delivered', 'undelivered', 'failed', 'dropped'],
  sent: ['delivered', 'undelivered', 'failed'],
  delivered: [],
  undelivered: [],
  failed: [],
  dropped: [],
  discarded: [],
};

/** Statuses only go forward: a late or repeated provider callback never moves a message back. */
export function canMove(from: MessageStatus, to: MessageStatus): boolean {
  return NEXT[from].includes(to);
}

/** Twilio's statuses as the message log names them; its intermediate ones (accepted, sending) say nothing new. */
export function fromTwilioStatus(status: string): MessageStatus | null {
  switch (status) {
    case 'queued':
    case 'accepted':
    case 'sending':
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
      return 'failed';
    default:
      return null;
  }
}
