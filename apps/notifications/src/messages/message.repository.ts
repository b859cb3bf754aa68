import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MessageStatus } from '#contracts';
import { Outbox } from '#messaging';
import { canMove } from './message-status';
import { MessageEntity } from './message.entity';

export type NewMessage = Omit<MessageEntity, 'attempts' | 'sendingSince' | 'error' | 'createdAt' | 'updatedAt' | 'sentAt' | 'providerId'> &
  Partial<Pick<MessageEntity, 'error'>>;

/** A message to write, its first status line's detail, and whether it is being sent already. */
export interface NewMessageRow {
  message: NewMessage;
  detail: string | null;
  sending: boolean;
}

/** A locked message, the statuses it goes through now (none: only `changes`), and what to record. */
export interface MessageMove {
  message: MessageEntity;
  path: MessageStatus[];
  detail?: string | null;
  changes?: Partial<Pick<MessageEntity, 'providerId' | 'sentAt' | 'sender' | 'addressHash'>>;
}

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

  /**
   * New messages with their first status line, in one statement, announced; `sending` marks one
   * as being sent already. A message for a reminder and channel that has one already is not
   * written: the ids written are returned.
   */
  async insert(manager: EntityManager, messages: NewMessageRow[]): Promise<Set<string>> {
    if (messages.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `WITH x AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, organisation_id text, case_id uuid, session_id uuid, session_version int,
           reminder_id uuid, participant_id uuid, recipient_id uuid, channel text, template_id text, language text, purpose text, status text,
           hold_reasons text[], subject text, body text, neutral_sender boolean, sender text, address_hash text, valid_until timestamptz,
           error text, detail text, sending boolean, n int)),
       m AS (
         INSERT INTO notifications.message (id, organisation_id, case_id, session_id, session_version, reminder_id, participant_id,
           recipient_id, channel, template_id, language, purpose, status, hold_reasons, subject, body, neutral_sender, sender,
           address_hash, valid_until, error, sending_since, attempts)
         SELECT id, organisation_id, case_id, session_id, session_version, reminder_id, participant_id, recipient_id, channel, template_id,
           language, purpose, status, hold_reasons, subject, body, neutral_sender, sender, address_hash, valid_until, error,
           CASE WHEN sending THEN now() END, CASE WHEN sending THEN 1 ELSE 0 END
         FROM x ORDER BY n
         ON CONFLICT (reminder_id, channel) DO NOTHING
         RETURNING id, status)
       INSERT INTO notifications.message_status (message_id, status, detail) SELECT m.id, m.status, x.detail FROM m JOIN x ON x.id = m.id ORDER BY x.n
       RETURNING message_id AS id`,
      [
        JSON.stringify(
          messages.map(({ message: m, detail, sending }, n) => ({
            id: m.id, organisation_id: m.organisationId, case_id: m.caseId, session_id: m.sessionId, session_version: m.sessionVersion,
            reminder_id: m.reminderId, participant_id: m.participantId, recipient_id: m.recipientId, channel: m.channel, template_id: m.templateId,
            language: m.language, purpose: m.purpose, status: m.status, hold_reasons: m.holdReasons, subject: m.subject, body: m.body,
            neutral_sender: m.neutralSender, sender: m.sender, address_hash: m.addressHash, valid_until: m.validUntil?.toISOString() ?? null,
            error: m.error ?? null, detail, sending, n,
          })),
        ),
      ],
    );
    const written = new Set(rows.map((r) => r.id));
    await this.announce(manager, messages.filter((m) => written.has(m.message.id)).map((m) => ({ message: m.message, status: m.message.status })));
    return written;
  }

  async find(manager: EntityManager, id: string): Promise<MessageEntity | null> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM notifications.message WHERE id = $1`, [id]);
    return row ?? null;
  }

  async lock(manager: EntityManager, id: string): Promise<MessageEntity | null> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM notifications.message WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  /** Of these reminders, the messages written but not yet sent: what a run after a crash resumes. */
  async queuedOf(manager: EntityManager, reminderIds: string[]): Promise<{ id: string; reminderId: string }[]> {
    if (reminderIds.length === 0) return [];
    return manager.query(`SELECT id, reminder_id AS "reminderId" FROM notifications.message WHERE reminder_id = ANY($1) AND status = 'queued'`, [reminderIds]);
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
    await this.announce(manager, [{ message, status: to }]);
    return true;
  }

  /** Several messages locked in id order, so batches that share one wait rather than deadlock. */
  lockMany(manager: EntityManager, ids: string[]): Promise<MessageEntity[]> {
    return manager.query(`SELECT ${COLUMNS} FROM notifications.message WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [ids]);
  }

  /** Where these messages are now, read without a lock: enough to tell a repeated callback from news. */
  async statusOf(manager: EntityManager, ids: string[]): Promise<Map<string, { status: MessageStatus; providerId: string | null }>> {
    const rows: { id: string; status: MessageStatus; providerId: string | null }[] = await manager.query(
      `SELECT id, status, provider_id AS "providerId" FROM notifications.message WHERE id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { status: r.status, providerId: r.providerId }]));
  }

  /**
   * `move` for many messages at once, on rows the caller has locked (`lockMany`): each goes
   * forward along its path (say sent, then delivered), one history line and one event per
   * step; the provider's id and the sending time are kept if already known. A move with an empty
   * path only records its changes. One statement for the rows and the history, one for the events.
   */
  async moveMany(manager: EntityManager, moves: MessageMove[]): Promise<void> {
    if (moves.length === 0) return;
    const history: { message_id: string; status: MessageStatus; detail: string | null; n: number }[] = [];
    for (const { message, path, detail = null } of moves) {
      let from = message.status;
      for (const to of path) {
        if (!canMove(from, to)) throw new Error(`message ${message.id} cannot move from ${from} to ${to}`);
        history.push({ message_id: message.id, status: to, detail, n: history.length });
        from = to;
      }
    }
    await manager.query(
      `WITH u AS (
         UPDATE notifications.message m SET status = x.status, updated_at = now(), provider_id = COALESCE(m.provider_id, x.provider_id),
           sent_at = COALESCE(m.sent_at, x.sent_at), sender = COALESCE(x.sender, m.sender), address_hash = COALESCE(x.address_hash, m.address_hash)
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status text, provider_id text, sent_at timestamptz, sender text, address_hash text)
         WHERE m.id = x.id RETURNING m.id)
       INSERT INTO notifications.message_status (message_id, status, detail)
       SELECT message_id, status, detail FROM jsonb_to_recordset($2::jsonb) AS h(message_id uuid, status text, detail text, n int) ORDER BY n`,
      [
        JSON.stringify(
          moves.map(({ message, path, changes = {} }) => ({
            id: message.id, status: path.at(-1) ?? message.status, provider_id: changes.providerId ?? null,
            sent_at: changes.sentAt?.toISOString() ?? null, sender: changes.sender ?? null, address_hash: changes.addressHash ?? null,
          })),
        ),
        JSON.stringify(history),
      ],
    );
    const byId = new Map(moves.map((m) => [m.message.id, m.message]));
    await this.announce(manager, history.map((h) => ({ message: byId.get(h.message_id)!, status: h.status })));
    for (const { message, path, changes = {} } of moves) Object.assign(message, changes, { status: path.at(-1) ?? message.status });
  }

  /**
   * A send is about to start: from here until it is recorded, the message may have gone. The
   * number's hash is kept now, not once the provider's answer is recorded: Twilio's callback can
   * mark the SMS sent first, and a reply to it must find its message.
   */
  async markSending(manager: EntityManager, id: string, addressHash: string | null): Promise<void> {
    await manager.query(
      `UPDATE notifications.message SET sending_since = now(), attempts = attempts + 1, address_hash = COALESCE($2, address_hash), updated_at = now() WHERE id = $1`,
      [id, addressHash],
    );
  }

  /**
   * A send that failed and will be tried again, kept in the message's history (a `queued` line
   * with why; its status does not change, so nothing is announced). Unless it may have gone
   * (`inDoubt`), it is not in doubt any more: the next try need not wait for a callback.
   */
  async recordRetry(manager: EntityManager, id: string, error: string, inDoubt: boolean): Promise<void> {
    const detail = inDoubt ? `may have gone, waiting for the provider's callback: ${error}` : `not sent, to be tried again: ${error}`;
    await manager.query(
      `WITH u AS (
         UPDATE notifications.message SET sending_since = CASE WHEN $4 THEN sending_since END, error = $2, updated_at = now()
         WHERE id = $1 AND status = 'queued' RETURNING id)
       INSERT INTO notifications.message_status (message_id, status, detail) SELECT id, 'queued', $3 FROM u`,
      [id, error, detail, inDoubt],
    );
  }

  /**
   * Of these participants and sessions, those told of the session (a message went, or may have
   * gone, about any of its versions), as "sessionId|participantId". The case narrows the search
   * to the case's messages (its index).
   */
  async told(manager: EntityManager, asked: { caseId: string; sessionId: string; participantId: string }[]): Promise<Set<string>> {
    if (asked.length === 0) return new Set();
    const rows: { sessionId: string; participantId: string }[] = await manager.query(
      `SELECT DISTINCT m.session_id AS "sessionId", m.participant_id AS "participantId" FROM notifications.message m
       JOIN unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS a(case_id, session_id, participant_id)
         ON m.case_id = a.case_id AND m.session_id = a.session_id AND m.participant_id = a.participant_id
       WHERE m.purpose <> 'cancellation' AND (m.status IN ('sent', 'delivered') OR (m.status = 'queued' AND m.sending_since IS NOT NULL))`,
      [asked.map((a) => a.caseId), asked.map((a) => a.sessionId), asked.map((a) => a.participantId)],
    );
    return new Set(rows.map((r) => `${r.sessionId}|${r.participantId}`));
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

  private async announce(manager: EntityManager, changes: { message: Announced; status: MessageStatus }[]): Promise<void> {
    if (changes.length === 0) return;
    const changedAt = new Date().toISOString();
    await this.outbox.record(
      manager,
      ...changes.map(({ message, status }) => ({
        type: 'message.status-changed' as const,
        caseId: message.caseId,
        organisationId: message.organisationId,
        payload: {
          messageId: message.id,
          sessionId: message.sessionId,
          participantId: message.participantId,
          channel: message.channel,
          purpose: message.purpose,
          status,
          changedAt,
        },
      })),
    );
  }
}

type Announced = Pick<MessageEntity, 'id' | 'organisationId' | 'caseId' | 'sessionId' | 'participantId' | 'channel' | 'purpose'>;

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
