import type { JobsOptions } from 'bullmq';

/** Scheduling's own queue: planning runs, produced by the API and taken by the worker. */
export const PLANNING_QUEUE = 'scheduling-planning';
export const PLAN_JOB = 'plan';

/** A job carries the plan's id only; the worker reads the rest from Postgres. */
export interface PlanJobData {
  planId: string;
}

/** The plan id is the job id, so a request enqueued twice runs once; a failed run is not retried (a new plan is). */
export function planJobOptions(planId: string): JobsOptions {
  return { jobId: planId, attempts: 1, removeOnComplete: 1000, removeOnFail: 1000 };
}
