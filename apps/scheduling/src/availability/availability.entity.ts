import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A weekly window when a person can attend, in their own time zone. */
@Entity({ name: 'availability_rule' })
export class AvailabilityRuleEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('integer') weekday!: number;
  @Column('time', { name: 'start_time' }) startTime!: string;
  @Column('time', { name: 'end_time' }) endTime!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

/** A dated exception: busy (holiday, appointment) or, with `available`, free outside the rules. */
@Entity({ name: 'availability_exception' })
export class AvailabilityExceptionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  /** A Postgres tstzrange, `[start,end)`. */
  @Column('tstzrange') during!: string;
  @Column('boolean') available!: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
