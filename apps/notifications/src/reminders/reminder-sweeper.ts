import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NOTIFICATIONS_DB } from '../database';
import { NotificationsConfig } from '../notifications.config';
import { ReminderRepository } from './reminder.repository';
import { SendScheduler } from './send-scheduler';

const EVERY_MS = 60_000;
const AHEAD_MS = 3600_000;
const BATCH = 5000;
/** Still planned this long after its time: its job is not just busy, it is stuck or gone. */
const OVERDUE_MS = 5 * 60_000;

/**
 * Postgres is the record of what must go; Redis only times it. Every minute, reminders still
 * planned and due within the hour are queued again under their own job ids: a no-op while their
 * job exists, and their job back if Redis lost it. One still planned well past its time has a
 * job that failed for good or went missing: it is retried or added again.
 */
@Injectable()
export class ReminderSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReminderSweeper');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
    private readonly reminders: ReminderRepository,
    private readonly scheduler: SendScheduler,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.REMINDER_SWEEP) return;
    const sweep = () => void this.sweep().catch((error: Error) => this.logger.warn(`reminder sweep: ${error.message}`));
    // Once at start too: a worker restarted after a crash finds at once the jobs that died with it
    // (a reminder committed but not yet queued), rather than a minute later.
    setImmediate(sweep);
    this.timer = setInterval(sweep, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The number of reminders queued again (most of them no-ops). */
  async sweep(now = new Date()): Promise<number> {
    const due = await this.reminders.plannedBefore(this.dataSource.manager, new Date(now.getTime() + AHEAD_MS), BATCH);
    const overdue = due.filter((r) => new Date(r.dueAt).getTime() < now.getTime() - OVERDUE_MS);
    await this.scheduler.revive(overdue.map((r) => r.id));
    await this.scheduler.reminders(due.filter((r) => !overdue.includes(r)), now.getTime());
    return due.length;
  }
}
