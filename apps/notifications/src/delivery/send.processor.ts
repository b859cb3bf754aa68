import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DelayedError, type Job, Worker } from 'bullmq';
import { PlatformConfig, redisOptions } from '#platform';
import { NotificationsConfig } from '../notifications.config';
import { SEND_QUEUE, type SendJob } from '../reminders/send-queue';
import type { JobOutcome } from './job-outcome';
import { MessageSender } from './message-sender';
import { ReminderJob } from './reminder-job';

/**
 * The worker side of the send queue. A job that must wait (quiet hours, the sending number's rate,
 * an SMS in doubt) goes back to the delayed set without using up an attempt. A worker that dies
 * stops renewing its locks: its jobs go to another worker after SEND_LOCK_MS and resume from the
 * rows they wrote.
 */
@Injectable()
export class SendProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SendProcessor');
  private worker: Worker | null = null;

  constructor(
    private readonly platform: PlatformConfig,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
    private readonly reminders: ReminderJob,
    private readonly sender: MessageSender,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker(SEND_QUEUE, (job: Job, token?: string) => this.process(job, token), {
      connection: redisOptions(this.platform.REDIS_URL, 'worker'),
      prefix: this.platform.QUEUE_PREFIX,
      concurrency: this.config.SEND_CONCURRENCY,
      lockDuration: this.config.SEND_LOCK_MS,
      stalledInterval: this.config.SEND_LOCK_MS,
      // A crash is not the job's fault: let it be picked up again a few times before it is parked.
      maxStalledCount: 5,
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`send job ${job?.name} ${job?.id} attempt ${job?.attemptsMade}: ${error.message}`));
    this.worker.on('error', (error) => this.logger.warn(`send worker: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async process(job: Job, token?: string): Promise<void> {
    const outcome = await this.run(job as unknown as SendJob);
    if (outcome.kind === 'later') {
      await job.moveToDelayed(outcome.at.getTime(), token);
      throw new DelayedError();
    }
  }

  private run(job: SendJob): Promise<JobOutcome> {
    switch (job.name) {
      case 'reminder':
        return this.reminders.run(job.data.reminderId);
      case 'message':
        return this.sender.run(job.data.messageId);
      case 'fallback':
        return this.reminders.fallback(job.data.messageId);
    }
  }
}
