import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { eventQueueFor, SERVICE_NAMES } from '#contracts';
import { NotFoundError, PlatformConfig, redisOptions } from '#platform';

export const JOB_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Read and retry access to every service's event queue, for operations. */
@Injectable()
export class QueueInspector implements OnApplicationShutdown {
  private readonly queues: Map<string, Queue>;

  constructor(config: PlatformConfig) {
    const connection = redisOptions(config.REDIS_URL, 'producer');
    this.queues = new Map(
      SERVICE_NAMES.map((service) => {
        const name = eventQueueFor(service);
        return [name, new Queue(name, { connection, prefix: config.QUEUE_PREFIX })];
      }),
    );
  }

  async counts(): Promise<{ queue: string; counts: Record<JobState, number> }[]> {
    return Promise.all(
      [...this.queues].map(async ([name, queue]) => ({
        queue: name,
        counts: (await queue.getJobCounts(...JOB_STATES)) as Record<JobState, number>,
      })),
    );
  }

  async jobs(name: string, state: JobState, limit: number) {
    const jobs = await this.queue(name).getJobs([state], 0, limit - 1);
    return jobs.map((job) => ({
      id: job.id,
      name: job.name,
      attemptsMade: job.attemptsMade,
      failedReason: job.failedReason ?? null,
      createdAt: new Date(job.timestamp).toISOString(),
      // Event payloads carry ids and facts only, never contact details.
      data: job.data as unknown,
    }));
  }

  async retryFailed(name: string): Promise<number> {
    const queue = this.queue(name);
    const failed = await queue.getFailedCount();
    await queue.retryJobs({ state: 'failed' });
    return failed;
  }

  private queue(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new NotFoundError('queue', name);
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
