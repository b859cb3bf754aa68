import type { MessageChannel, MessagePurpose } from '#contracts';
import type { Recipient } from '../contacts/contact-routes';
import type { ReminderKind } from '../reminders/reminder.entity';

/** The channels a message may take to this recipient, preferred first: safe, and not opted out. */
export function safeChannels(recipient: Recipient, optedOut: ReadonlySet<MessageChannel>, preferred: MessageChannel): MessageChannel[] {
  const open = (['sms', 'email'] as const).filter((c) => recipient[c] !== null && !optedOut.has(c));
  return open.sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : 0));
}

export function purposeOf(kind: ReminderKind): MessagePurpose {
  if (kind === 'confirmation' || kind === 'reschedule' || kind === 'cancellation' || kind === 'poll') return kind;
  return 'reminder';
}

/** The reminder kind a message's checks are made as, from its purpose. */
export function kindOfPurpose(purpose: MessagePurpose): ReminderKind {
  return purpose === 'cancellation' || purpose === 'poll' ? purpose : 'confirmation';
}

const TEMPLATES: Record<MessagePurpose, Partial<Record<MessageChannel, string>>> = {
  confirmation: { sms: 'sms-booked', email: 'email-booked' },
  reminder: { sms: 'sms-reminder', email: 'email-reminder' },
  reschedule: { sms: 'sms-rescheduled', email: 'email-rescheduled' },
  cancellation: { sms: 'notice-cancelled', email: 'notice-cancelled' },
  poll: { sms: 'notice-poll', email: 'notice-poll' },
  reply: { sms: 'sms-auto-reply' },
  alert: {},
};

export function templateFor(purpose: MessagePurpose, channel: MessageChannel): string {
  const id = TEMPLATES[purpose][channel];
  if (!id) throw new Error(`no ${channel} template for ${purpose} messages`);
  return id;
}
