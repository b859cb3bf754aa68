import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MessagingModule } from '#messaging';
import { ENVIRONMENT, type Environment, loadConfig, ServiceDatabaseModule } from '#platform';
import { SessionAccess } from './access/session-access';
import { AttendanceController } from './attendance/attendance.controller';
import { AttendanceRepository } from './attendance/attendance.repository';
import { AttendanceService } from './attendance/attendance.service';
import { ReplyEventsHandler } from './attendance/reply-events.handler';
import { AvailabilityController } from './availability/availability.controller';
import { AvailabilityRepository } from './availability/availability.repository';
import { AvailabilityService } from './availability/availability.service';
import { BookingController } from './booking/booking.controller';
import { BookingService } from './booking/booking.service';
import { ReservationRepository } from './booking/reservation.repository';
import { SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS } from './database';
import { PeopleEventsHandler } from './people/people-events.handler';
import { PeopleRepository } from './people/people.repository';
import { PlanRepository } from './planning/plan.repository';
import { PLANNING_QUEUE } from './planning/planning-queue';
import { PlanningController } from './planning/planning.controller';
import { PlanningJob } from './planning/planning.job';
import { PlanningService } from './planning/planning.service';
import { PollEventsHandler } from './polls/poll-events.handler';
import { PollLinks } from './polls/poll-link';
import { PollLinkController } from './polls/poll-link.controller';
import { PollRepository } from './polls/poll.repository';
import { PollAnswersController, PollsController } from './polls/polls.controller';
import { PollsService } from './polls/polls.service';
import { SchedulingConfig } from './scheduling.config';
import { SessionEventsHandler } from './sessions/session-events.handler';
import { SessionLifecycle } from './sessions/session-lifecycle';
import { SessionRepository } from './sessions/session.repository';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';
import { InstanceBuilder } from './suggestions/instance-builder';
import { SuggestionsService } from './suggestions/suggestions.service';
import { WorldChanges } from './suggestions/world-changes';
import { WorldRepository } from './suggestions/world.repository';
import { VenueRepository } from './venues/venue.repository';
import { VenuesController } from './venues/venues.controller';
import { VenuesService } from './venues/venues.service';

/**
 * The scheduling service: people as cases describes them, venues, availability, sessions and
 * their bookings, polls, and what participants reply. The API, the worker and the composed
 * system import this one module; the API also answers `scheduling.poll-link.v1` over Redis.
 */
@Module({
  imports: [
    ServiceDatabaseModule.forService({ service: 'scheduling', entities: SCHEDULING_ENTITIES, migrations: SCHEDULING_MIGRATIONS }),
    MessagingModule.outbox('scheduling'),
    BullModule.registerQueue({ name: PLANNING_QUEUE }),
  ],
  controllers: [
    VenuesController,
    AvailabilityController,
    SessionsController,
    BookingController,
    AttendanceController,
    PollsController,
    PollAnswersController,
    PollLinkController,
    PlanningController,
  ],
  providers: [
    { provide: SchedulingConfig, inject: [ENVIRONMENT], useFactory: (env: Environment) => loadConfig(SchedulingConfig, env) },
    PeopleRepository,
    PeopleEventsHandler,
    VenueRepository,
    VenuesService,
    AvailabilityRepository,
    AvailabilityService,
    SessionRepository,
    SessionAccess,
    SessionLifecycle,
    SessionsService,
    SessionEventsHandler,
    WorldRepository,
    WorldChanges,
    InstanceBuilder,
    SuggestionsService,
    ReservationRepository,
    BookingService,
    AttendanceRepository,
    AttendanceService,
    ReplyEventsHandler,
    PollLinks,
    PollRepository,
    PollsService,
    PollEventsHandler,
    PlanRepository,
    PlanningService,
    PlanningJob,
  ],
  exports: [BookingService, PlanningJob],
})
export class SchedulingModule {}
