import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One time a poll offers; its number in an SMS is its place in the poll's options, from 1. */
export interface PollOption {
  optionId: string;
  startsAt: string;
  endsAt: string;
}

/** An availability poll as poll.opened gave it: its times in start order and when it closes. */
@Entity({ name: 'poll' })
export class PollEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('jsonb') options!: PollOption[];
  @Column('timestamptz', { name: 'closes_at' }) closesAt!: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
