/**
 * The outbox and processed-event tables, version 1, as each service's first migration creates
 * them in its own schema. Frozen once released: a change is a new function for a new migration.
 */
export function messagingTablesV1(schema: string): string[] {
  const s = `"${schema}"`;
  return [
    `CREATE TABLE ${s}.outbox_event (
      position bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      type text NOT NULL,
      version integer NOT NULL,
      occurred_at timestamptz NOT NULL,
      case_id uuid NULL,
      organisation_id text NULL,
      payload jsonb NOT NULL,
      published_at timestamptz NULL
    )`,
    `CREATE INDEX outbox_event_unpublished ON ${s}.outbox_event (position) WHERE published_at IS NULL`,
    `CREATE TABLE ${s}.processed_event (
      event_id uuid PRIMARY KEY,
      type text NOT NULL,
      source text NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT now()
    )`,
  ];
}
