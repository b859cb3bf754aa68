import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface Candidate {
  /** Stable for the poll's life: how a ticked time is named on the page and in poll.answered. */
  optionId: string;
  start: string;
  end: string;
}

/** Candidate times offered to one participant of a session; their answer, once given. */
@Entity({ name: 'poll' })
export class PollEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('jsonb') candidates!: Candidate[];
  /** The starts the participant ticked. */
  @Column('jsonb', { nullable: true }) chosen!: string[] | null;
  @Column('text') status!: 'open' | 'answered';
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'answered_at', nullable: true }) answeredAt!: Date | null;
}
