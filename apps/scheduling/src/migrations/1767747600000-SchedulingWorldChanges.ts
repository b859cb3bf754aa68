import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells every scheduling process what changed in the world suggestions are built from, so each
 * can drop exactly the suggestions it holds that read it. Triggers rather than calls in the code:
 * whatever writes these tables (bookings, the consumer of cases' events, polls, availability
 * edits, a hand-made fix) is heard. Postgres delivers a notification only when its transaction
 * commits, and once per distinct payload within it.
 *
 * A payload is a comma-separated list of keys: `session:<id>` (any change to the session's own
 * row), `person:<id>` (the person's facts, availability, or a held or booked session of
 * theirs), `venue:<id>` (a held or booked session there, or the venue itself), `case:<id>` (its
 * people, or a held or booked session of it: the chain rules), `venues:<organisation>` (the
 * organisation's venues). A pending session changes nobody else's suggestions.
 */
export class SchedulingWorldChanges1767747600000 implements MigrationInterface {
  name = 'SchedulingWorldChanges1767747600000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE FUNCTION scheduling.world_keys_of_session(s scheduling.session) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
        SELECT ARRAY['session:' || s.id] || CASE WHEN s.status IN ('held', 'booked') THEN
          ARRAY['case:' || s.case_id]
          || ARRAY(SELECT 'person:' || p FROM unnest(s.participant_ids || s.facilitator_ids) AS p)
          || ARRAY['venue:' || s.venue_id]
        ELSE ARRAY[]::text[] END
      $$`,
      `CREATE FUNCTION scheduling.notify_world_change() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          keys text[] := ARRAY[]::text[];
        BEGIN
          IF TG_TABLE_NAME = 'session' THEN
            IF TG_OP <> 'INSERT' THEN keys := keys || scheduling.world_keys_of_session(OLD); END IF;
            IF TG_OP <> 'DELETE' THEN keys := keys || scheduling.world_keys_of_session(NEW); END IF;
          ELSIF TG_TABLE_NAME = 'person' THEN
            IF TG_OP <> 'INSERT' THEN keys := keys || ('person:' || OLD.id) || ('case:' || OLD.case_id); END IF;
            IF TG_OP <> 'DELETE' THEN keys := keys || ('person:' || NEW.id) || ('case:' || NEW.case_id); END IF;
          ELSIF TG_TABLE_NAME = 'venue' THEN
            IF TG_OP <> 'INSERT' THEN keys := keys || ('venue:' || OLD.id) || ('venues:' || OLD.organisation_id); END IF;
            IF TG_OP <> 'DELETE' THEN keys := keys || ('venue:' || NEW.id) || ('venues:' || NEW.organisation_id); END IF;
          ELSE
            IF TG_OP <> 'INSERT' THEN keys := keys || ('person:' || OLD.person_id); END IF;
            IF TG_OP <> 'DELETE' THEN keys := keys || ('person:' || NEW.person_id); END IF;
          END IF;
          -- A null id (a facilitator has no case) leaves a null key out.
          keys := ARRAY(SELECT DISTINCT k FROM unnest(keys) AS k WHERE k IS NOT NULL ORDER BY k);
          IF cardinality(keys) > 0 THEN PERFORM pg_notify('scheduling_world', array_to_string(keys, ',')); END IF;
          RETURN NULL;
        END
      $$`,
      ...['session', 'person', 'venue', 'availability_rule', 'availability_exception'].map(
        (table) =>
          `CREATE TRIGGER world_change AFTER INSERT OR UPDATE OR DELETE ON scheduling.${table} FOR EACH ROW EXECUTE FUNCTION scheduling.notify_world_change()`,
      ),
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['session', 'person', 'venue', 'availability_rule', 'availability_exception']) {
      await runner.query(`DROP TRIGGER world_change ON scheduling.${table}`);
    }
    await runner.query('DROP FUNCTION scheduling.notify_world_change()');
    await runner.query('DROP FUNCTION scheduling.world_keys_of_session(scheduling.session)');
  }
}
