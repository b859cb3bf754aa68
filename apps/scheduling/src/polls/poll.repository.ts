import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PollEntity } from './poll.entity';

@Injectable()
export class PollRepository {
  async insert(manager: EntityManager, poll: PollEntity): Promise<void> {
    await manager.insert(PollEntity, poll);
  }

  async save(manager: EntityManager, poll: PollEntity): Promise<void> {
    const { id, ...changes } = poll;
    await manager.update(PollEntity, { id }, changes);
  }

  lock(manager: EntityManager, id: string): Promise<PollEntity | null> {
    return manager.createQueryBuilder(PollEntity, 'p').where('p.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  find(manager: EntityManager, id: string): Promise<PollEntity | null> {
    return manager.findOneBy(PollEntity, { id });
  }

  ofSession(manager: EntityManager, sessionId: string): Promise<PollEntity[]> {
    return manager.find(PollEntity, { where: { sessionId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The answer as availability: free at the ticked times, busy at the others; a new answer replaces the last. */
  async recordAnswer(manager: EntityManager, poll: PollEntity, chosen: ReadonlySet<string>): Promise<void> {
    await manager.query('DELETE FROM scheduling.availability_exception WHERE poll_id = $1', [poll.id]);
    await manager.query(
      `INSERT INTO scheduling.availability_exception (id, person_id, during, available, poll_id)
       SELECT gen_random_uuid(), $1, tstzrange(c.start, c."end", '[)'), c.start = ANY($3::timestamptz[]), $2
       FROM jsonb_to_recordset($4::jsonb) AS c(start timestamptz, "end" timestamptz)`,
      [poll.participantId, poll.id, [...chosen], JSON.stringify(poll.candidates)],
    );
  }
}
