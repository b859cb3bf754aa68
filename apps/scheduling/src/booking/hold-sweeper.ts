import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BookingService } from './booking.service';

const SWEEP_MS = 30_000;

/**
 * In the worker: puts lapsed holds back to pending every half minute. Booking also does it
 * before each placement, so a lapsed hold never blocks a coordinator; this keeps the list true.
 */
export class HoldSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('HoldSweeper');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly booking: BookingService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.booking.releaseLapsedHolds().catch((error: Error) => this.logger.warn(`releasing lapsed holds: ${error.message}`));
    }, SWEEP_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
