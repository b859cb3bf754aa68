import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Venues gain an address and arrival directions, which messages quote, and every venue that
 * already exists is announced once as `venue.saved` (version 1, the payload written here as it
 * was then), oldest first, so notifications knows the venues booked before the event existed.
 * A migration rather than a step at start: it runs once per database, in the transaction that
 * adds the columns, and its rows leave through the outbox like any other event; a start-up step
 * would run in every process and need a record of what it had announced. A venue created by a
 * process of the previous release after this commits is announced at its first change.
 */
export class SchedulingVenueDirections1767920400000 implements MigrationInterface {
  name = 'SchedulingVenueDirections1767920400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scheduling.venue ADD COLUMN address text NULL, ADD COLUMN directions text NULL`);
    await runner.query(
      `INSERT INTO scheduling.outbox_event (id, type, version, occurred_at, case_id, organisation_id, payload)
       SELECT gen_random_uuid(), 'venue.saved', 1, now(), NULL, organisation_id,
              jsonb_build_object('venueId', id, 'organisation', organisation_id, 'kind', kind, 'label', label,
                                 'address', address, 'directions', directions, 'timeZone', time_zone)
         FROM scheduling.venue ORDER BY created_at, id`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM scheduling.outbox_event WHERE type = 'venue.saved' AND published_at IS NULL`);
    await runner.query(`ALTER TABLE scheduling.venue DROP COLUMN address, DROP COLUMN directions`);
  }
}
