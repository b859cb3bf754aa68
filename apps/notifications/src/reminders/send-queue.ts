import type { JobsOptions } from 'bullmq';

/**
 * Notifications' own queue: reminders waiting for their time (delayed jobs) and messages to send.
 * Jobs carry ids only; the worker reads everything else from Postgres and, for the address,
 * asks the cases service at the moment of sending.
 */
export const SEND_QUEUE = 'notifications-send';

/** A reminder at its time; a message to send (released from review, a reply); the other channel after a failure. */
export type SendJob =
  | { name: 'reminder'; data: { reminderId: string } }
  | { name: 'message'; data: { messageId: string } }
  | { name: 'fallback'; data: { messageId: string } };

export interface SendRetryPolicy {
  attempts: number;
  backoffMs: number;
}

/**
 * Job options in one place. The job id comes from the row, so planning twice queues once while
 * the job is kept (a day after it ends); the row's status guards the rest. Provider errors retry
 * with exponential backoff, then the job waits in the failed set for operations.
 */
export function sendJobOptions(job: SendJob, retry: SendRetryPolicy, delayMs = 0): JobsOptions {
  return {
    jobId: job.name === 'reminder' ? `reminder-${job.data.reminderId}` : `${job.name}-${job.data.messageId}`,
    delay: Math.max(0, delayMs),
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    removeOnComplete: { age: 24 * 3600, count: 200_000 },
    removeOnFail: { age: 14 * 24 * 3600 },
  };
}
