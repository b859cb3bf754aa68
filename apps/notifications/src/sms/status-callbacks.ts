import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MessageStatus } from '#contracts';
import { NOTIFICATIONS_DB } from '../database';
import { Batcher } from '../delivery/batcher';
import { DeliveryFailures } from '../messages/delivery-failures';
import { fromTwilioStatus } from '../messages/message-status';
import { type MessageMove, MessageRepository } from '../messages/message.repository';

export interface StatusCallback {
  MessageSid?: string;
  MessageStatus?: string;
  ErrorCode?: string;
}

/** A callback saying a message was sent or delivered, as the batch applies it. */
interface Progress {
  messageId: string;
  to: 'sent' | 'delivered';
  providerId: string | null;
}

/**
 * Twilio's word on a message: applied only forward (a late 'sent' after 'delivered' changes
 * nothing). It also settles a send left in doubt: the callback names the message we sent.
 * Sent and delivered, nearly every callback, are applied many at once: one read tells the
 * callbacks that repeat what is recorded (most 'queued' and 'sent') from news, and the news is
 * written in one transaction. A failure is rarer and does more (an alert, the other channel).
 */
@Injectable()
export class StatusCallbacks {
  private readonly progress = new Batcher<Progress, void>((callbacks) => this.applyProgress(callbacks), { maxSize: 1000, maxWaitMs: 50, maxInFlight: 1 });

  constructor(
    @InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource,
    private readonly messages: MessageRepository,
    private readonly failures: DeliveryFailures,
  ) {}

  async apply(messageId: string, callback: StatusCallback): Promise<void> {
    const to = fromTwilioStatus(callback.MessageStatus ?? '');
    if (!to || !/^[0-9a-f-]{36}$/i.test(messageId)) return;
    if (to === 'sent' || to === 'delivered') return this.progress.submit({ messageId, to, providerId: callback.MessageSid ?? null });
    if (to !== 'failed' && to !== 'undelivered') return;
    const failedNow = await this.dataSource.transaction(async (manager) => {
      const message = await this.messages.lock(manager, messageId);
      if (!message) return false;
      const known = callback.MessageSid && !message.providerId ? { providerId: callback.MessageSid } : {};
      return this.failures.record(manager, message, to, `twilio ${to}${callback.ErrorCode ? ` error ${callback.ErrorCode}` : ''}`, known);
    });
    if (failedNow) await this.failures.tryOtherChannel(messageId);
  }

  private async applyProgress(callbacks: Progress[]): Promise<void[]> {
    const done = callbacks.map(() => undefined);
    const now = await this.messages.statusOf(this.dataSource.manager, [...new Set(callbacks.map((c) => c.messageId))]);
    const news = callbacks.filter((c) => {
      const current = now.get(c.messageId);
      return current && moveFor(current, [c]) !== null;
    });
    if (news.length === 0) return done;
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.messages.lockMany(manager, [...new Set(news.map((c) => c.messageId))]);
      const moves = locked.flatMap((message) => {
        const move = moveFor(message, news.filter((c) => c.messageId === message.id));
        return move ? [{ message, ...move }] : [];
      });
      await this.messages.moveMany(manager, moves);
    });
    return done;
  }
}

/**
 * What these callbacks of one message change, from where it is: forward to the furthest status
 * they name (a message still queued that is delivered was sent first), and the provider's id
 * and sending time if not known yet. Null when they change nothing.
 */
function moveFor(current: { status: MessageStatus; providerId: string | null }, callbacks: Progress[]): Omit<MessageMove, 'message'> | null {
  const furthest = callbacks.some((c) => c.to === 'delivered') ? 'delivered' : 'sent';
  const path: MessageStatus[] =
    current.status === 'queued' ? (furthest === 'delivered' ? ['sent', 'delivered'] : ['sent']) : current.status === 'sent' && furthest === 'delivered' ? ['delivered'] : [];
  const providerId = current.providerId ? null : (callbacks.find((c) => c.providerId)?.providerId ?? null);
  if (path.length === 0 && !providerId) return null;
  return { path, changes: { ...(providerId ? { providerId } : {}), ...(path.includes('sent') ? { sentAt: new Date() } : {}) } };
}
