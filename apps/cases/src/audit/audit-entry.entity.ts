import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditAction = 'read' | 'create' | 'update' | 'delete';

/** Field names, codes and counts: never personal data. */
export type AuditDetail = Record<string, string | number | boolean | string[] | null>;

/** Who read or changed what of a case record, when. Ids and field names only, never values. */
@Entity({ name: 'audit_entry' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'case_id', nullable: true }) caseId!: string | null;
  @Column('text', { name: 'actor_user_id' }) actorUserId!: string;
  @Column('text', { name: 'actor_roles', array: true }) actorRoles!: string[];
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') action!: AuditAction;
  @Column('text') subject!: string;
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId!: string | null;
  @Column('jsonb', { nullable: true }) detail!: AuditDetail | null;
  @Column('timestamptz') at!: Date;
}
