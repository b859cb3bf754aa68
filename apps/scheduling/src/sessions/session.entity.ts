import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DeliveryType, SessionKind } from '#contracts';
import type { AfterRule } from '#scheduler';

export const SESSION_STATUSES = ['pending', 'held', 'booked', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * A session a case asked for (its id is the request's), from pending to held, booked or
 * cancelled. `version` goes up with each reschedule and cancellation.
 */
@Entity({ name: 'session' })
export class SessionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') kind!: SessionKind;
  @Column('text', { nullable: true }) delivery!: DeliveryType | null;
  @Column('integer', { name: 'duration_minutes' }) durationMinutes!: number;
  @Column('uuid', { name: 'participant_ids', array: true }) participantIds!: string[];
  @Column('uuid', { name: 'facilitator_ids', array: true }) facilitatorIds!: string[];
  @Column('timestamptz', { name: 'not_before', nullable: true }) notBefore!: Date | null;
  /** The chain rules: sessions of the case this one must follow, with their gaps. */
  @Column('jsonb', { name: 'after_rules' }) afterRules!: AfterRule[];
  @Column('text') status!: SessionStatus;
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'starts_at', nullable: true }) startsAt!: Date | null;
  @Column('timestamptz', { name: 'ends_at', nullable: true }) endsAt!: Date | null;
  @Column('uuid', { name: 'venue_id', nullable: true }) venueId!: string | null;
  @Column('timestamptz', { name: 'hold_expires_at', nullable: true }) holdExpiresAt!: Date | null;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason!: string | null;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** One step of a session's history. */
@Entity({ name: 'session_change' })
export class SessionChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('integer') version!: number;
  @Column('text') action!: string;
  @Column('text') status!: SessionStatus;
  @Column('timestamptz', { name: 'starts_at', nullable: true }) startsAt!: Date | null;
  @Column('uuid', { name: 'venue_id', nullable: true }) venueId!: string | null;
  @Column('text') actor!: string;
  @Column('timestamptz') at!: Date;
}
