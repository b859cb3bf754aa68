import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { Span, WeeklyWindow } from '../venues/weekly-hours';
import { AvailabilityRuleEntity } from './availability.entity';

export interface Exception {
  id: string;
  span: Span;
  available: boolean;
}

/** Weekly windows and dated exceptions per person. */
@Injectable()
export class AvailabilityRepository {
  async replaceWeekly(manager: EntityManager, personId: string, windows: readonly WeeklyWindow[]): Promise<void> {
    await manager.delete(AvailabilityRuleEntity, { personId });
    if (windows.length === 0) return;
    await manager.insert(
      AvailabilityRuleEntity,
      windows.map((w) => ({ id: randomUUID(), personId, weekday: w.weekday, startTime: w.start, endTime: w.end, createdAt: new Date() })),
    );
  }

  async addException(manager: EntityManager, personId: string, span: Span, available: boolean): Promise<string> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO scheduling.availability_exception (id, person_id, during, available) VALUES ($1, $2, tstzrange($3, $4, '[)'), $5)`,
      [id, personId, new Date(span[0]), new Date(span[1]), available],
    );
    return id;
  }

  /** Replaces the busy time last imported from the person's calendar within [from, to). */
  async replaceCalendarBusy(manager: EntityManager, personId: string, spans: readonly Span[], from: Date, to: Date): Promise<void> {
    await manager.query(
      `DELETE FROM scheduling.availability_exception WHERE person_id = $1 AND from_calendar AND during && tstzrange($2, $3, '[)')`,
      [personId, from, to],
    );
    await manager.query(
      `INSERT INTO scheduling.availability_exception (id, person_id, during, available, from_calendar)
       SELECT gen_random_uuid(), $1, tstzrange(to_timestamp(s / 1000.0), to_timestamp(e / 1000.0), '[)'), false, true
       FROM unnest($2::float8[], $3::float8[]) AS t(s, e)`,
      [personId, spans.map((span) => span[0]), spans.map((span) => span[1])],
    );
  }

  /** Weekly windows by person, times as `HH:MM` (`24:00` for a window ending at midnight). */
  async weekly(manager: EntityManager, personIds: readonly string[]): Promise<Map<string, WeeklyWindow[]>> {
    const rows: { person_id: string; weekday: number; start_time: string; end_time: string }[] =
      personIds.length === 0
        ? []
        : await manager.query(
            'SELECT person_id, weekday, start_time, end_time FROM scheduling.availability_rule WHERE person_id = ANY($1::uuid[]) ORDER BY weekday, start_time',
            [personIds],
          );
    const map = new Map<string, WeeklyWindow[]>();
    for (const row of rows) {
      map.set(row.person_id, [...(map.get(row.person_id) ?? []), { weekday: row.weekday, start: hhmm(row.start_time), end: hhmm(row.end_time) }]);
    }
    return map;
  }

  /** Exceptions by person that overlap [from, to). */
  async exceptions(manager: EntityManager, personIds: readonly string[], from: Date, to: Date): Promise<Map<string, Exception[]>> {
    const rows: { id: string; person_id: string; lo: Date; hi: Date; available: boolean }[] =
      personIds.length === 0
        ? []
        : await manager.query(
            `SELECT id, person_id, lower(during) AS lo, upper(during) AS hi, available FROM scheduling.availability_exception
             WHERE person_id = ANY($1::uuid[]) AND during && tstzrange($2, $3, '[)') ORDER BY lower(during)`,
            [personIds, from, to],
          );
    const map = new Map<string, Exception[]>();
    for (const row of rows) {
      const exception = { id: row.id, span: [row.lo.getTime(), row.hi.getTime()] as Span, available: row.available };
      map.set(row.person_id, [...(map.get(row.person_id) ?? []), exception]);
    }
    return map;
  }
}

// Postgres answers `time` as HH:MM:SS, and midnight at the end of a day as 24:00:00.
function hhmm(time: string): string {
  return time.slice(0, 5);
}
