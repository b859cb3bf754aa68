import { AttendanceConfirmationEntity, RescheduleRequestEntity, SessionOutcomeEntity } from './attendance/attendance.entity';
import { AvailabilityExceptionEntity, AvailabilityRuleEntity } from './availability/availability.entity';
import { SchedulingInitial1767312000000 } from './migrations/1767312000000-SchedulingInitial';
import { SchedulingPolls1767398400000 } from './migrations/1767398400000-SchedulingPolls';
import { SchedulingPlans1767484800000 } from './migrations/1767484800000-SchedulingPlans';
import { SchedulingCalendarImport1767571200000 } from './migrations/1767571200000-SchedulingCalendarImport';
import { SchedulingReplies1767661200000 } from './migrations/1767661200000-SchedulingReplies';
import { SchedulingWorldChanges1767747600000 } from './migrations/1767747600000-SchedulingWorldChanges';
import { SchedulingCasePartnership1767834000000 } from './migrations/1767834000000-SchedulingCasePartnership';
import { SchedulingVenueDirections1767920400000 } from './migrations/1767920400000-SchedulingVenueDirections';
import { CaseEntity } from './people/case.entity';
import { PersonEntity } from './people/person.entity';
import { PlanEntity } from './planning/plan.entity';
import { PollEntity } from './polls/poll.entity';
import { SessionChangeEntity, SessionEntity } from './sessions/session.entity';
import { VenueEntity } from './venues/venue.entity';

/** The name of the scheduling data source: `@InjectDataSource(SCHEDULING_DB)`. */
export const SCHEDULING_DB = 'scheduling';

export const SCHEDULING_ENTITIES = [
  AttendanceConfirmationEntity,
  AvailabilityExceptionEntity,
  AvailabilityRuleEntity,
  CaseEntity,
  PersonEntity,
  PlanEntity,
  PollEntity,
  RescheduleRequestEntity,
  SessionChangeEntity,
  SessionEntity,
  SessionOutcomeEntity,
  VenueEntity,
];

export const SCHEDULING_MIGRATIONS = [
  SchedulingInitial1767312000000,
  SchedulingPolls1767398400000,
  SchedulingPlans1767484800000,
  SchedulingCalendarImport1767571200000,
  SchedulingReplies1767661200000,
  SchedulingWorldChanges1767747600000,
  SchedulingCasePartnership1767834000000,
  SchedulingVenueDirections1767920400000,
];
