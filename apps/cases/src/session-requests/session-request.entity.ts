import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryType, SessionKind } from '#contracts';

/** A session the case asked the scheduling service for; cases never books by itself. */
@Entity({ name: 'session_request' })
export class SessionRequestEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text') kind!: SessionKind;
  @Column('uuid', { name: 'participant_ids', array: true }) participantIds!: string[];
  @Column('uuid', { name: 'facilitator_ids', array: true }) facilitatorIds!: string[];
  @Column('integer', { name: 'duration_minutes' }) durationMinutes!: number;
  @Column('text', { nullable: true }) delivery!: DeliveryType | null;
  @Column('timestamptz', { name: 'not_before', nullable: true }) notBefore!: Date | null;
  @Column('text', { name: 'requested_by' }) requestedBy!: string;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt!: Date;
}
