import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MessageStatus } from '#contracts';
import { Outbox } from '#messaging';
import { canMove } from './message-status';
import { MessageEntity } from './message.entity';

export type NewMessage = Omit<MessageEntity, 'attempts' | 'sendingSince' | 'error' | 'createdAt' | 'updatedAt' | 'sentAt' | 'providerId'> &
  Partial<Pick<MessageEntity, 'error'>>;

/** Column names of the message table for the properties of MessageEntity. */
const COLUMNS = `id, organisation_id AS "organisationId", case_id AS "caseId", session_id AS "sessionId",
  session_version AS "sessionVersion", reminder_id AS "reminderId", participant_id AS "participantId",
  recipient_id AS "recipientId", channel, template_id AS "templateId", language, purpose, status,
  hold_reasons AS "holdReasons", subject, body, neutral_sender AS "neutralSender", sender,
  address_hash AS "addressHash", provider_id AS "providerId", attempts, sending_since AS "sendingSince",
  valid_until AS "validUntil", error, created_at AS "createdAt", updated_at AS "updatedAt", sent_at AS "sentAt"`;

/**
 * The message log. Every status change goes through `move`: forward only, recorded in the
 * status history and announced as message.status-changed, all in the caller's transaction.
 */
@Injectable()
export class MessageRepository {
  constructor(private readonly outbox: Outbox) {}

  /** A new message and its first status, in one statement; `sending` marks it as being sent already. */
  async insert(manager: EntityManager, message: NewMessage, detail: string | null = null, sending = false): Promise<void> {
    await manager.query(
      `WITH m AS (
         INSERT INTO notifications.message (id, organisation_id, case_id, session_id, session_version, reminder_id, participant_id,
           recipient_id, channel, template_id, language, purpose, status, hold_reasons, subject, body, neutral_sender, sender,
           address_hash, valid_until, error, sending_since, attempts)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,
           CASE WHEN $23::boolean THEN now() END, CASE WHEN $23::boolean THEN 1 ELSE 0 END)
         RETURNING id, status)
       INSERT INTO notifications.message_status (message_id, status, detail) SELECT id, status, $22 FROM m`,
      [
        message.id, message.organisationId, message.caseId, message.sessionId, message.sessionVersion, message.reminderId,
        message.participantId, message.recipientId, message.channel, message.templateId, message.language, message.purpose,
        message.status, message.holdReasons, message.subject, message.body, message.neutralSender, message.sender,
        message.addressHash, message.validUntil, message.error ?? null, detail, sending,
      ],
    );
    await this.announce(manager, message, message.status);
  }

  async find(manager: EntityManager, id: string): Promise<MessageEntity | null> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM notifications.message WHERE id = $1`, [id]);
    return row ?? null;
  }

  async lock(manager: EntityManager, id: string): Promise<MessageEntity | null> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM notifications.message WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async ofReminder(manager: EntityManager, reminderId: string): Promise<MessageEntity[]> {
    return manager.query(`SELECT ${COLUMNS} FROM notifications.message WHERE reminder_id = $1 ORDER BY created_at`, [reminderId]);
  }

  /**
   * Moves a message on, if that is forward from where it is now, with any column changes;
   * false (and nothing written) when it is not.
   */
  async move(
    manager: EntityManager,
    message: MessageEntity,
    to: MessageStatus,
    detail: string | null = null,
    changes: Partial<Pick<MessageEntity, 'providerId' | 'sentAt' | 'error' | 'sendingSince' | 'holdReasons' | 'subject' | 'body' | 'sender' | 'addressHash' | 'validUntil'>> = {},
  ): Promise<boolean> {
    if (!canMove(message.status, to)) return false;
    const sets = ['status = $3', 'updated_at = now()'];
    const values: unknown[] = [message.id, message.status, to];
    for (const [property, value] of Object.entries(changes)) {
      values.push(value);
      sets.push(`${COLUMN_OF[property as keyof typeof COLUMN_OF]} = $${values.length}`);
    }
    values.push(detail);
    // The move and its line in the history in one statement: no line without the move.
    const updated: unknown[] = await manager.query(
      `WITH u AS (UPDATE notifications.message SET ${sets.join(', ')} WHERE id = $1 AND status = $2 RETURNING id)
       INSERT INTO notifications.message_status (message_id, status, detail) SELECT id, $3, $${values.length} FROM u RETURNING message_id`,
      values,
    );
    if (updated.length === 0) return false;
    Object.assign(message, changes, { status: to });
    await this.announce(manager, message, to);
    return true;
  }

  /** A send is about to start: from here until it is recorded, the message may have gone. */
  async markSending(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE notifications.message SET sending_since = now(), attempts = attempts + 1, updated_at = now() WHERE id = $1`, [id]);
  }

  /** The send did not reach the provider (it answered with a refusal to retry): not in doubt any more. */
  async clearSending(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.query(`UPDATE notifications.message SET sending_since = NULL, error = $2, updated_at = now() WHERE id = $1`, [id, error]);
  }

  /** Whether a participant was told of a session (a message went, or may have gone, about any of its versions). */
  async told(manager: EntityManager, sessionId: string, participantId: string): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM notifications.message WHERE session_id = $1 AND participant_id = $2 AND purpose <> 'cancellation'
         AND (status IN ('sent', 'delivered') OR (status = 'queued' AND sending_since IS NOT NULL))) AS told`,
      [sessionId, participantId],
    );
    return row.told;
  }

  /** The latest message that went to a number, to know who replied from it. */
  async latestTo(manager: EntityManager, addressHash: string): Promise<MessageEntity | null> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM notifications.message WHERE address_hash = $1 AND status IN ('sent', 'delivered', 'undelivered', 'failed')
       ORDER BY created_at DESC LIMIT 1`,
      [addressHash],
    );
    return row ?? null;
  }

  held(manager: EntityManager, organisationId: string): Promise<MessageEntity[]> {
    return manager.query(`SELECT ${COLUMNS} FROM notifications.message WHERE organisation_id = $1 AND status = 'held' ORDER BY created_at`, [organisationId]);
  }

  ofCase(manager: EntityManager, organisationId: string, caseId: string): Promise<MessageEntity[]> {
    return manager.query(`SELECT ${COLUMNS} FROM notifications.message WHERE organisation_id = $1 AND case_id = $2 ORDER BY created_at, id`, [organisationId, caseId]);
  }

  history(manager: EntityManager, messageIds: string[]): Promise<{ messageId: string; status: MessageStatus; at: Date; detail: string | null }[]> {
    return manager.query(
      `SELECT message_id AS "messageId", status, at, detail FROM notifications.message_status WHERE message_id = ANY($1) ORDER BY id`,
      [messageIds],
    );
  }

  private async announce(manager: EntityManager, message: Pick<MessageEntity, 'id' | 'organisationId' | 'caseId' | 'sessionId' | 'participantId' | 'channel' | 'purpose'>, status: MessageStatus): Promise<void> {
    await this.outbox.record(manager, {
      type: 'message.status-changed',
      caseId: message.caseId,
      organisationId: message.organisationId,
      payload: {
        messageId: message.id,
        sessionId: message.sessionId,
        participantId: message.participantId,
        channel: message.channel,
        purpose: message.purpose,
        status,
        changedAt: new Date().toISOString(),
      },
    });
  }
}

const COLUMN_OF = {
  providerId: 'provider_id',
  sentAt: 'sent_at',
  error: 'error',
  sendingSince: 'sending_since',
  holdReasons: 'hold_reasons',
  subject: 'subject',
  body: 'body',
  sender: 'sender',
  addressHash: 'address_hash',
  validUntil: 'valid_until',
} as const;
