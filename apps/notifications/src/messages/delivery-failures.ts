import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AlertRepository } from '../alerts/alert.repository';
import { SendScheduler } from '../reminders/send-scheduler';
import type { MessageEntity } from './message.entity';
import { MessageRepository } from './message.repository';

/**
 * A permanent failure, however it is learnt (the provider's refusal or its callback): recorded,
 * the coordinator alerted, and the other safe channel tried (a fallback job, after commit).
 */
@Injectable()
export class DeliveryFailures {
  constructor(
    private readonly messages: MessageRepository,
    private readonly alerts: AlertRepository,
    private readonly scheduler: SendScheduler,
  ) {}

  /** In the caller's transaction, on the locked message; true when it was recorded now (then call `tryOtherChannel`). */
  async record(manager: EntityManager, message: MessageEntity, status: 'failed' | 'undelivered', why: string, changes: { providerId?: string } = {}): Promise<boolean> {
    if (!(await this.messages.move(manager, message, status, why, { error: why, ...changes }))) return false;
    await this.alerts.raise(manager, {
      organisationId: message.organisationId,
      caseId: message.caseId,
      kind: 'delivery-failed',
      sessionId: message.sessionId,
      participantId: message.participantId,
      messageId: message.id,
      detail: `${message.purpose} by ${message.channel} ${status}: ${why}`,
    });
    return true;
  }

  tryOtherChannel(messageId: string): Promise<void> {
    return this.scheduler.fallback(messageId);
  }
}
