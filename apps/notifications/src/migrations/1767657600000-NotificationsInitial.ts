import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesV1 } from '#messaging';

/**
 * The notifications schema. It keeps no phone number or mail address: contact details come from
 * the cases service at the moment of sending; a number is kept only as a keyed hash (to know
 * who replied and who opted out). A reminder is a row before it is a job, and its unique key
 * (session, participant, kind, session version; poll for a poll link) makes it impossible to plan or send one twice.
 */
export class NotificationsInitial1767657600000 implements MigrationInterface {
  name = 'NotificationsInitial1767657600000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      ...messagingTablesV1('notifications'),
      // The latest version of each booked session, as scheduling's events describe it.
      `CREATE TABLE notifications.session (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        organisation_id text NOT NULL,
        kind text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        status text NOT NULL CHECK (status IN ('booked', 'cancelled')),
        starts_at timestamptz NULL,
        ends_at timestamptz NULL,
        venue_id uuid NULL,
        venue_kind text NULL CHECK (venue_kind IN ('community', 'prison', 'video')),
        participant_ids uuid[] NOT NULL,
        facilitator_ids uuid[] NOT NULL,
        confirmed_participant_ids uuid[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'cancelled' OR (starts_at IS NOT NULL AND ends_at IS NOT NULL AND starts_at < ends_at))
      )`,
      `CREATE INDEX session_case ON notifications.session (case_id)`,
      // Reminder defaults by organisation, per session kind or per participant (the most specific wins).
      `CREATE TABLE notifications.reminder_plan (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        session_kind text NULL,
        participant_id uuid NULL,
        confirmation boolean NOT NULL,
        offsets_minutes integer[] NOT NULL CHECK (0 < ALL (offsets_minutes)),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (session_kind IS NULL OR participant_id IS NULL),
        UNIQUE NULLS NOT DISTINCT (organisation_id, session_kind, participant_id)
      )`,
      // One message that ought to go, planned from an event; sent by a delayed job at due_at.
      `CREATE TABLE notifications.reminder (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        case_id uuid NOT NULL,
        session_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        kind text NOT NULL,
        session_version integer NOT NULL,
        poll_id uuid NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('planned', 'messaged', 'dropped')),
        outcome text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE NULLS NOT DISTINCT (session_id, participant_id, kind, session_version, poll_id)
      )`,
      `CREATE INDEX reminder_planned ON notifications.reminder (due_at) WHERE status = 'planned'`,
      `CREATE INDEX reminder_session ON notifications.reminder (session_id)`,
      // The message log: per case, whom, which channel and template, status and times, the text
      // (encrypted) but never the address.
      `CREATE TABLE notifications.message (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        case_id uuid NULL,
        session_id uuid NULL,
        session_version integer NULL,
        reminder_id uuid NULL REFERENCES notifications.reminder (id),
        participant_id uuid NULL,
        recipient_id uuid NULL,
        channel text NOT NULL CHECK (channel IN ('sms', 'email')),
        template_id text NOT NULL,
        language text NOT NULL CHECK (language IN ('en', 'cy')),
        purpose text NOT NULL,
        status text NOT NULL,
        hold_reasons text[] NULL,
        subject text NULL,
        body text NOT NULL,
        neutral_sender boolean NOT NULL,
        sender text NULL,
        address_hash text NULL,
        provider_id text NULL UNIQUE,
        attempts integer NOT NULL DEFAULT 0,
        sending_since timestamptz NULL,
        valid_until timestamptz NULL,
        error text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz NULL,
        UNIQUE (reminder_id, channel)
      )`,
      `CREATE INDEX message_case ON notifications.message (case_id, created_at)`,
      `CREATE INDEX message_held ON notifications.message (organisation_id, created_at) WHERE status = 'held'`,
      `CREATE INDEX message_address ON notifications.message (address_hash, created_at DESC) WHERE address_hash IS NOT NULL`,
      `CREATE TABLE notifications.message_status (
        id bigserial PRIMARY KEY,
        message_id uuid NOT NULL REFERENCES notifications.message (id),
        status text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        detail text NULL
      )`,
      `CREATE INDEX message_status_message ON notifications.message_status (message_id, at)`,
      // Opt-outs: by the number's hash (STOP from a phone) or by participant and channel.
      `CREATE TABLE notifications.opt_out (
        id uuid PRIMARY KEY,
        channel text NOT NULL CHECK (channel IN ('sms', 'email')),
        number_hash text NULL,
        participant_id uuid NULL,
        opted_out_at timestamptz NOT NULL,
        opted_in_at timestamptz NULL,
        source text NOT NULL,
        CHECK (number_hash IS NOT NULL OR participant_id IS NOT NULL)
      )`,
      `CREATE UNIQUE INDEX opt_out_number ON notifications.opt_out (number_hash) WHERE number_hash IS NOT NULL AND opted_in_at IS NULL`,
      `CREATE UNIQUE INDEX opt_out_participant ON notifications.opt_out (participant_id, channel) WHERE participant_id IS NOT NULL AND number_hash IS NULL AND opted_in_at IS NULL`,
      // Replies received; the text is kept (encrypted) only when forwarded to the facilitators.
      `CREATE TABLE notifications.inbound (
        id uuid PRIMARY KEY,
        provider_id text NOT NULL UNIQUE,
        channel text NOT NULL,
        number_hash text NOT NULL,
        organisation_id text NULL,
        case_id uuid NULL,
        participant_id uuid NULL,
        in_reply_to uuid NULL REFERENCES notifications.message (id),
        keyword text NOT NULL,
        body text NULL,
        received_at timestamptz NOT NULL
      )`,
      // What a coordinator or the case's facilitators must look at: failures, requests, replies.
      `CREATE TABLE notifications.alert (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        case_id uuid NULL,
        kind text NOT NULL,
        session_id uuid NULL,
        participant_id uuid NULL,
        message_id uuid NULL REFERENCES notifications.message (id),
        inbound_id uuid NULL REFERENCES notifications.inbound (id),
        facilitator_ids uuid[] NOT NULL DEFAULT '{}',
        detail text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz NULL,
        acknowledged_by text NULL
      )`,
      `CREATE INDEX alert_open ON notifications.alert (organisation_id, created_at) WHERE acknowledged_at IS NULL`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['alert', 'inbound', 'opt_out', 'message_status', 'message', 'reminder', 'reminder_plan', 'session', 'processed_event', 'outbox_event']) {
      await runner.query(`DROP TABLE notifications.${table}`);
    }
  }
}
