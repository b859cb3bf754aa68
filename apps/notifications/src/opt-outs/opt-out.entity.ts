import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MessageChannel } from '#contracts';

/** A channel no longer used: for a number (STOP from it) or for a participant. Ended by START. */
@Entity({ name: 'opt_out' })
export class OptOutEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') channel!: MessageChannel;
  @Column('text', { name: 'number_hash', nullable: true }) numberHash!: string | null;
  @Column('uuid', { name: 'participant_id', nullable: true }) participantId!: string | null;
  @Column('timestamptz', { name: 'opted_out_at' }) optedOutAt!: Date;
  @Column('timestamptz', { name: 'opted_in_at', nullable: true }) optedInAt!: Date | null;
  @Column('text') source!: string;
}
