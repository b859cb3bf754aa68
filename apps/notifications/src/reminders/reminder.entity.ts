import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a reminder is for. Offsets are minutes before the start (`reminder-2880` two days before);
 * the others go when their event arrives.
 */
export type ReminderKind = 'confirmation' | 'reschedule' | 'cancellation' | 'poll' | `reminder-${number}`;

/** planned → messaged (a message row exists) or dropped (outcome says why). */
export type ReminderStatus = 'planned' | 'messaged' | 'dropped';

/** One message that ought to go, planned from an event before any job exists for it. */
@Entity({ name: 'reminder' })
export class ReminderEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('text') kind!: ReminderKind;
  @Column('int', { name: 'session_version' }) sessionVersion!: number;
  @Column('uuid', { name: 'poll_id', nullable: true }) pollId!: string | null;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('text') status!: ReminderStatus;
  @Column('text', { nullable: true }) outcome!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** Reminder defaults of an organisation, for a session kind or one participant (the most specific wins). */
@Entity({ name: 'reminder_plan' })
export class ReminderPlanEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('text', { name: 'session_kind', nullable: true }) sessionKind!: string | null;
  @Column('uuid', { name: 'participant_id', nullable: true }) participantId!: string | null;
  @Column('boolean') confirmation!: boolean;
  @Column('int', { name: 'offsets_minutes', array: true }) offsetsMinutes!: number[];
  @Column('text', { name: 'updated_by' }) updatedBy!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
