import { Column, Entity, PrimaryColumn } from 'typeorm';

export const TASK_KINDS = ['report-action-completion'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Work for a facilitator that Convene must not do itself, such as telling the person harmed. */
@Entity({ name: 'task' })
export class TaskEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text') kind!: TaskKind;
  @Column('uuid', { name: 'assignee_facilitator_id', nullable: true }) assigneeFacilitatorId!: string | null;
  @Column('uuid', { name: 'action_id', nullable: true }) actionId!: string | null;
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt!: Date | null;
  @Column('timestamptz', { name: 'done_at', nullable: true }) doneAt!: Date | null;
  @Column('text', { name: 'done_by', nullable: true }) doneBy!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
