import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '#testing';
import { NotificationsModule } from './notifications.module';

describe('the notifications schema', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp([NotificationsModule]);
    db = t.app.get<DataSource>(getDataSourceToken('notifications'));
  });

  afterAll(() => t.close());

  const reminder = (sessionId: string, participantId: string, kind: string, version: number) =>
    db.query(
      `INSERT INTO notifications.reminder (id, organisation_id, case_id, session_id, participant_id, kind, session_version, due_at, status)
       VALUES ($1, 'org-a', $2, $3, $4, $5, $6, now(), 'planned')`,
      [randomUUID(), randomUUID(), sessionId, participantId, kind, version],
    );

  it('refuses a second reminder of one kind for one participant and session version, and allows the next version', async () => {
    const [session, participant] = [randomUUID(), randomUUID()];
    await reminder(session, participant, 'reminder-120', 1);
    await expect(reminder(session, participant, 'reminder-120', 1)).rejects.toMatchObject({ code: '23505' });
    await expect(reminder(session, participant, 'reminder-120', 2)).resolves.toBeDefined();
  });

  it("keeps no column for a phone number or a mail address, and no address but a venue's", async () => {
    const columns: { table_name: string; column_name: string }[] = await db.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'notifications'`,
    );
    // A venue's postal address is an organisation's place, which messages give; never a person's.
    const venue = (c: { table_name: string; column_name: string }) => c.table_name === 'venue' && c.column_name === 'address';
    expect(columns.filter((c) => /phone|email|number$|address$|^to$/.test(c.column_name) && !venue(c))).toEqual([]);
  });

  it('holds one opt-out at a time per number, and a new one after the number opted in again', async () => {
    const hash = randomUUID();
    const optOut = () =>
      db.query(`INSERT INTO notifications.opt_out (id, channel, number_hash, opted_out_at, source) VALUES ($1, 'sms', $2, now(), 'reply')`, [randomUUID(), hash]);
    await optOut();
    await expect(optOut()).rejects.toMatchObject({ code: '23505' });
    await db.query(`UPDATE notifications.opt_out SET opted_in_at = now() WHERE number_hash = $1`, [hash]);
    await expect(optOut()).resolves.toBeDefined();
  });
});
