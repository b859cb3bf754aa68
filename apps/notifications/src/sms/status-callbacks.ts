import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NOTIFICATIONS_DB } from '../database';
import { DeliveryFailures } from '../messages/delivery-failures';
import { fromTwilioStatus } from '../messages/message-status';
import { MessageRepository } from '../messages/message.repository';

export interface StatusCallback {
  MessageSid?: string;
  MessageStatus?: string;
  ErrorCode?: string;
}

/**
 * Twilio's word on a message: applied only forward (a late 'sent' after 'delivered' changes
 * nothing). It also settles a send left in doubt: the callback names the message we sent.
 */
@Injectable()
export class StatusCallbacks {
  constructor(
    @InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource,
    private readonly messages: MessageRepository,
    private readonly failures: DeliveryFailures,
  ) {}

  async apply(messageId: string, callback: StatusCallback): Promise<void> {
    const to = fromTwilioStatus(callback.MessageStatus ?? '');
    if (!to || !/^[0-9a-f-]{36}$/i.test(messageId)) return;
    const providerId = callback.MessageSid;
    // Most callbacks repeat what the send recorded ('queued', 'sent'): one read settles them.
    if (to === 'sent') {
      const [row] = await this.dataSource.query(`SELECT status, provider_id FROM notifications.message WHERE id = $1`, [messageId]);
      if (!row || (row.status !== 'queued' && row.provider_id)) return;
    }
    const failedNow = await this.dataSource.transaction(async (manager) => {
      const message = await this.messages.lock(manager, messageId);
      if (!message) return false;
      const known = providerId && !message.providerId ? { providerId } : {};
      if (to === 'failed' || to === 'undelivered') {
        return this.failures.record(manager, message, to, `twilio ${to}${callback.ErrorCode ? ` error ${callback.ErrorCode}` : ''}`, known);
      }
      // Sent before our own record of it (or instead of it, after a crash): the same move records the provider's id.
      if (message.status === 'queued' && to === 'delivered') await this.messages.move(manager, message, 'sent', null, { ...known, sentAt: new Date() });
      else if (!(await this.messages.move(manager, message, to, null, { ...known, ...(to === 'sent' ? { sentAt: new Date() } : {}) })) && known.providerId) {
        await manager.query(`UPDATE notifications.message SET provider_id = $2 WHERE id = $1 AND provider_id IS NULL`, [messageId, providerId]);
      }
      if (to === 'delivered') await this.messages.move(manager, message, 'delivered');
      return false;
    });
    if (failedNow) await this.failures.tryOtherChannel(messageId);
  }
}
