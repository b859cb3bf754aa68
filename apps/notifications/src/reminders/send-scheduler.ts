import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { NotificationsConfig } from '../notifications.config';
import { SEND_QUEUE, type SendJob, sendJobOptions } from './send-queue';

/** Puts reminders and messages on the send queue, each at its time, with its deterministic job id. */
@Injectable()
export class SendScheduler {
  constructor(
    @InjectQueue(SEND_QUEUE) private readonly queue: Queue,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
  ) {}

  async reminders(reminders: { id: string; dueAt: Date }[], now = Date.now()): Promise<void> {
    if (reminders.length === 0) return;
    await this.queue.addBulk(
      reminders.map((r) => {
        const job: SendJob = { name: 'reminder', data: { reminderId: r.id } };
        return { ...job, opts: sendJobOptions(job, this.retry(), r.dueAt.getTime() - now) };
      }),
    );
  }

  /**
   * Reminders past their time and still planned: their job failed for good (say, run before its
   * row was committed, then out of attempts) or is gone. Failed ones are retried, lost ones added.
   */
  async revive(reminderIds: string[]): Promise<void> {
    for (const reminderId of reminderIds) {
      const job: SendJob = { name: 'reminder', data: { reminderId } };
      const jobId = sendJobOptions(job, this.retry()).jobId!;
      const state = await this.queue.getJobState(jobId);
      if (state === 'failed') await (await this.queue.getJob(jobId))?.retry('failed');
      else if (state === 'completed') await this.queue.remove(jobId);
      if (state === 'unknown' || state === 'completed') await this.queue.add(job.name, job.data, sendJobOptions(job, this.retry()));
    }
  }

  async message(messageId: string): Promise<void> {
    await this.add({ name: 'message', data: { messageId } });
  }

  /** After a permanent failure: the other safe channel, if there is one. */
  async fallback(messageId: string): Promise<void> {
    await this.add({ name: 'fallback', data: { messageId } });
  }

  private async add(job: SendJob): Promise<void> {
    await this.queue.add(job.name, job.data, sendJobOptions(job, this.retry()));
  }

  private retry() {
    return { attempts: this.config.SEND_ATTEMPTS, backoffMs: this.config.SEND_BACKOFF_MS };
  }
}
