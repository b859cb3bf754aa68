import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A facilitator as notifications needs them: which token subject they are, so a reply forwarded
 * to a case's facilitators is read by them. Ids only: no name or contact detail.
 */
@Entity({ name: 'facilitator' })
export class FacilitatorEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  /** Null for a facilitator whose events carried none (published before FacilitatorV1 had it). */
  @Column('text', { name: 'user_id', nullable: true }) userId!: string | null;
  /** The sequence of the cases event it was last saved from: an older event changes nothing. */
  @Column('bigint', { name: 'source_sequence' }) sourceSequence!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** The facilitators a case has now, from the newest `case.facilitators-assigned`. */
@Entity({ name: 'case_facilitators' })
export class CaseFacilitatorsEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'facilitator_ids', array: true }) facilitatorIds!: string[];
  @Column('bigint', { name: 'source_sequence' }) sourceSequence!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
