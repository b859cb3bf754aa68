import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A practitioner who carries cases; `userId` is the subject of their bearer token. */
@Entity({ name: 'facilitator' })
export class FacilitatorEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('text', { name: 'user_id' }) userId!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text', { name: 'work_phone', nullable: true }) workPhone!: string | null;
  @Column('text', { name: 'work_email', nullable: true }) workEmail!: string | null;
  @Column('integer') capacity!: number;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('boolean') active!: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
