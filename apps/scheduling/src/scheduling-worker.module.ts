import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MessagingModule } from '#messaging';
import { ReplyEventsHandler } from './attendance/reply-events.handler';
import { HOLDS_QUEUE, HoldSweeper } from './booking/hold-sweeper';
import { PeopleEventsHandler } from './people/people-events.handler';
import { PlanningProcessor } from './planning/planning.processor';
import { PollEventsHandler } from './polls/poll-events.handler';
import { SchedulingModule } from './scheduling.module';
import { SessionEventsHandler } from './sessions/session-events.handler';

/** What the scheduling worker runs besides the service's modules: the outbox relay, the event consumer, the hold sweeper, the planner. */
@Module({
  imports: [
    SchedulingModule,
    BullModule.registerQueue({ name: HOLDS_QUEUE }),
    MessagingModule.worker({ service: 'scheduling', handlers: [PeopleEventsHandler, SessionEventsHandler, ReplyEventsHandler, PollEventsHandler] }),
  ],
  providers: [HoldSweeper, PlanningProcessor],
})
export class SchedulingWorkerModule {}
