import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { MessageChannel } from '#contracts';

@Injectable()
export class OptOutRepository {
  /** The channels opted out for each recipient (by id): by participant, or (SMS) by the number's hash. */
  async optedOut(manager: EntityManager, recipients: { participantId: string; numberHash: string | null }[]): Promise<Map<string, Set<MessageChannel>>> {
    const rows: { channel: MessageChannel; participantId: string | null; numberHash: string | null }[] = recipients.length === 0 ? [] : await manager.query(
      `SELECT channel, participant_id AS "participantId", number_hash AS "numberHash" FROM notifications.opt_out
       WHERE opted_in_at IS NULL AND ((participant_id = ANY($1) AND number_hash IS NULL) OR number_hash = ANY($2))`,
      [recipients.map((r) => r.participantId), recipients.flatMap((r) => (r.numberHash ? [r.numberHash] : []))],
    );
    return new Map(
      recipients.map((r) => [
        r.participantId,
        new Set(rows.filter((o) => (o.numberHash === null && o.participantId === r.participantId) || (o.numberHash !== null && o.numberHash === r.numberHash)).map((o) => o.channel)),
      ]),
    );
  }

  /** Opts a number out of SMS; false when it already was. */
  async optOutNumber(manager: EntityManager, numberHash: string, participantId: string | null, at: Date, source: string): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO notifications.opt_out (id, channel, number_hash, participant_id, opted_out_at, source) VALUES ($1, 'sms', $2, $3, $4, $5)
       ON CONFLICT (number_hash) WHERE number_hash IS NOT NULL AND opted_in_at IS NULL DO NOTHING RETURNING id`,
      [randomUUID(), numberHash, participantId, at, source],
    );
    return inserted.length > 0;
  }

  /** START or UNSTOP: the number may receive SMS again. */
  async optInNumber(manager: EntityManager, numberHash: string, at: Date): Promise<boolean> {
    const updated: unknown[] = await manager.query(
      `UPDATE notifications.opt_out SET opted_in_at = $2 WHERE number_hash = $1 AND opted_in_at IS NULL RETURNING id`,
      [numberHash, at],
    );
    return updated.length > 0;
  }
}
