import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { PlanningJob } from './planning.job';
import { PLANNING_QUEUE, type PlanJobData } from './planning-queue';

/** In the worker process: takes planning runs off the queue, one at a time (each uses a thread). */
@Processor(PLANNING_QUEUE, { concurrency: 1 })
export class PlanningProcessor extends WorkerHost {
  constructor(private readonly job: PlanningJob) {
    super();
  }

  async process(job: Job<PlanJobData>): Promise<void> {
    await this.job.run(job.data.planId, (percent) => job.updateProgress(percent));
  }
}
