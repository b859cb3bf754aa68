import { Module } from '@nestjs/common';
import { MessagingModule } from '#messaging';
import { BookingService } from './booking/booking.service';
import { HoldSweeper } from './booking/hold-sweeper';
import { PeopleEventsHandler } from './people/people-events.handler';
import { PlanningProcessor } from './planning/planning.processor';
import { SchedulingModule } from './scheduling.module';
import { SessionEventsHandler } from './sessions/session-events.handler';

/** What the scheduling worker runs besides the service's modules: the outbox relay, the event consumer, the hold sweeper, the planner. */
@Module({
  imports: [SchedulingModule, MessagingModule.worker({ service: 'scheduling', handlers: [PeopleEventsHandler, SessionEventsHandler] })],
  providers: [{ provide: HoldSweeper, inject: [BookingService], useFactory: (booking: BookingService) => new HoldSweeper(booking) }, PlanningProcessor],
})
export class SchedulingWorkerModule {}
