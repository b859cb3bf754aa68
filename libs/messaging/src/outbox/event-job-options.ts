import type { JobsOptions } from 'bullmq';
import type { DomainEvent } from '#contracts';

export interface EventRetryPolicy {
  attempts: number;
  backoffMs: number;
}

/**
 * Job options of every event delivery, in one place. The event id is the job id, so a relay
 * that publishes twice (it crashed before marking the row) adds nothing new while the job is
 * kept; the consumer's processed-event table covers the rest. Retries back off exponentially,
 * then the job waits in the failed set, where operations can see and retry it.
 */
export function eventJobOptions(event: DomainEvent, retry: EventRetryPolicy): JobsOptions {
  return {
    jobId: event.id,
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
    removeOnFail: false,
  };
}
