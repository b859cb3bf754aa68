import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A case note, readable only by the case's facilitators and managers; the body is encrypted. */
@Entity({ name: 'note' })
export class NoteEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'author_user_id' }) authorUserId!: string;
  @Column('text', { name: 'body_ciphertext' }) bodyCiphertext!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
