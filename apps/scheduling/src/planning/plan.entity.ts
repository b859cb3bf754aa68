import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Instance, Plan } from '#scheduler';

export type PlanStatus = 'queued' | 'running' | 'done' | 'failed';

/** A planning run for an organisation's pending sessions: the solver's instance and its proposal. */
@Entity({ name: 'plan' })
export class PlanEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') status!: PlanStatus;
  @Column('integer') progress!: number;
  @Column('integer', { name: 'horizon_days' }) horizonDays!: number;
  @Column('integer', { name: 'time_limit_ms' }) timeLimitMs!: number;
  @Column('jsonb', { nullable: true }) instance!: Instance | null;
  @Column('jsonb', { nullable: true }) plan!: Plan | null;
  /** Pending sessions left out before solving, and why (no interpreter, no venue at the establishment...). */
  @Column('jsonb', { nullable: true }) unplaceable!: { sessionId: string; reason: string }[] | null;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
}
