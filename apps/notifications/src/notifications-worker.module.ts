import { Module } from '@nestjs/common';
import { MessagingModule } from '#messaging';
import { MessageSender } from './delivery/message-sender';
import { ReminderJob } from './delivery/reminder-job';
import { SendProcessor } from './delivery/send.processor';
import { EmailSender } from './email/email-sender';
import { FacilitatorEventsHandler } from './facilitators/facilitator-events.handler';
import { NotificationsModule } from './notifications.module';
import { PollEventsHandler } from './polls/poll-events.handler';
import { PollLinks } from './polls/poll-links';
import { ReminderSweeper } from './reminders/reminder-sweeper';
import { SessionEventsHandler } from './sessions/session-events.handler';
import { SmsRateLimiter } from './sms/sms-rate-limiter';
import { SmsSender } from './sms/sms-sender';
import { VenueEventsHandler } from './venues/venue-events.handler';
import { VenueRepository } from './venues/venue.repository';

/**
 * What the notifications worker runs besides the service's module: the event consumer (session
 * and poll events into reminders, venues and facilitators into their copy), the outbox relay,
 * the send queue's worker with the SMS and email senders, and the reminder sweeper.
 */
@Module({
  imports: [NotificationsModule, MessagingModule.worker({ service: 'notifications', handlers: [SessionEventsHandler, PollEventsHandler, VenueEventsHandler, FacilitatorEventsHandler] })],
  providers: [
    SessionEventsHandler,
    PollEventsHandler,
    VenueEventsHandler,
    FacilitatorEventsHandler,
    VenueRepository,
    PollLinks,
    SmsSender,
    SmsRateLimiter,
    EmailSender,
    MessageSender,
    ReminderJob,
    SendProcessor,
    ReminderSweeper,
  ],
})
export class NotificationsWorkerModule {}
