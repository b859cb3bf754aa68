import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { BookingService } from './booking.service';

/** Scheduling's queue for the hold sweep, taken by the worker. */
export const HOLDS_QUEUE = 'scheduling-holds';
/** The job scheduler's id and its jobs' name. */
export const HOLD_SWEEP = 'release-lapsed-holds';
const SWEEP_EVERY_MS = 30_000;

/**
 * In the worker: puts lapsed holds back to pending every half minute, freeing their
 * reservations (history `hold-lapsed`; no event, as nobody was told of a hold). A BullMQ job
 * scheduler kept in Redis rather than a timer in each process: however many workers run, one
 * job a period is made and one of them takes it, and the schedule outlives restarts. Every
 * worker upserts the same scheduler at boot, which changes nothing once it exists. Booking
 * treats a lapsed hold as free anyway, so a late sweep never blocks a coordinator; the sweep
 * keeps the lists true. The job carries nothing; it returns how many holds it released.
 */
@Processor(HOLDS_QUEUE)
export class HoldSweeper extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(HOLDS_QUEUE) private readonly queue: Queue,
    private readonly booking: BookingService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(HOLD_SWEEP, { every: SWEEP_EVERY_MS }, { name: HOLD_SWEEP, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }

  process(_job: Job): Promise<number> {
    return this.booking.releaseLapsedHolds();
  }
}
