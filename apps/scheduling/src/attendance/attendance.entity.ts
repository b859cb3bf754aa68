import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttendanceConfirmedVia, SessionOutcome } from '#contracts';

/** A participant's attendance confirmed for one version of a session (a reschedule asks anew). */
@Entity({ name: 'attendance_confirmation' })
export class AttendanceConfirmationEntity {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId!: string;
  @PrimaryColumn('integer', { name: 'session_version' }) sessionVersion!: number;
  @PrimaryColumn('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('text') via!: AttendanceConfirmedVia;
  @Column('timestamptz', { name: 'confirmed_at' }) confirmedAt!: Date;
}

/** A participant asked to move one version of a session; moving it (a new version) answers it. */
@Entity({ name: 'reschedule_request' })
export class RescheduleRequestEntity {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId!: string;
  @PrimaryColumn('integer', { name: 'session_version' }) sessionVersion!: number;
  @PrimaryColumn('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt!: Date;
}

/** Whether a booked session took place, recorded by a coordinator once it has started. */
@Entity({ name: 'session_outcome' })
export class SessionOutcomeEntity {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('integer', { name: 'session_version' }) sessionVersion!: number;
  @Column('text') outcome!: SessionOutcome;
  @Column('text', { name: 'recorded_by' }) recordedBy!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
