import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { MessageChannel } from '#contracts';

@Injectable()
export class OptOutRepository {
  /** The channels of these that are opted out: by participant, or (SMS) by the number's hash. */
  async optedOut(manager: EntityManager, participantId: string, numberHash: string | null): Promise<Set<MessageChannel>> {
    const rows: { channel: MessageChannel }[] = await manager.query(
      `SELECT DISTINCT channel FROM notifications.opt_out
       WHERE opted_in_at IS NULL AND ((participant_id = $1 AND number_hash IS NULL) OR number_hash = $2)`,
      [participantId, numberHash],
    );
    return new Set(rows.map((r) => r.channel));
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
