import { AlertEntity } from './alerts/alert.entity';
import { CaseFacilitatorsEntity, FacilitatorEntity } from './facilitators/facilitator.entity';
import { MessageEntity, MessageStatusEntity } from './messages/message.entity';
import { NotificationsInitial1767657600000 } from './migrations/1767657600000-NotificationsInitial';
import { ReminderDeferredIndex1779408000000 } from './migrations/1779408000000-ReminderDeferredIndex';
import { NotificationsVenues1779753600000 } from './migrations/1779753600000-NotificationsVenues';
import { PollOptions1779840000000 } from './migrations/1779840000000-PollOptions';
import { NotificationsFacilitators1779926400000 } from './migrations/1779926400000-NotificationsFacilitators';
import { OptOutEntity } from './opt-outs/opt-out.entity';
import { PollEntity } from './polls/poll.entity';
import { ReminderEntity, ReminderPlanEntity } from './reminders/reminder.entity';
import { SessionEntity } from './sessions/session.entity';
import { InboundEntity } from './sms/inbound.entity';
import { VenueEntity } from './venues/venue.entity';

/** The name of the notifications data source: `@InjectDataSource(NOTIFICATIONS_DB)`. */
export const NOTIFICATIONS_DB = 'notifications';

export const NOTIFICATIONS_ENTITIES = [
  AlertEntity,
  CaseFacilitatorsEntity,
  FacilitatorEntity,
  InboundEntity,
  MessageEntity,
  MessageStatusEntity,
  OptOutEntity,
  PollEntity,
  ReminderEntity,
  ReminderPlanEntity,
  SessionEntity,
  VenueEntity,
];

export const NOTIFICATIONS_MIGRATIONS = [
  NotificationsInitial1767657600000,
  ReminderDeferredIndex1779408000000,
  NotificationsVenues1779753600000,
  PollOptions1779840000000,
  NotificationsFacilitators1779926400000,
];
