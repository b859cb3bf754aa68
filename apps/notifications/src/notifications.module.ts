import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MessagingModule, RpcClient } from '#messaging';
import { ENVIRONMENT, type Environment, ServiceDatabaseModule } from '#platform';
import { AfterCommit } from './after-commit';
import { AlertRepository } from './alerts/alert.repository';
import { AlertsController, AlertsService } from './alerts/alerts';
import { ContactRoutes } from './contacts/contact-routes';
import { NumberHash } from './contacts/number-hash';
import { MessageComposer } from './content/message-composer';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from './database';
import { MessageTexts } from './delivery/message-text';
import { FacilitatorRepository } from './facilitators/facilitator.repository';
import { DeliveryFailures } from './messages/delivery-failures';
import { MessageLogController, MessageLogService } from './messages/message-log';
import { MessageRepository } from './messages/message.repository';
import { loadNotificationsConfig, NotificationsConfig } from './notifications.config';
import { OptOutRepository } from './opt-outs/opt-out.repository';
import { PollReplies } from './polls/poll-replies';
import { PollRepository } from './polls/poll.repository';
import { ReminderPlansController, ReminderPlansService } from './reminders/reminder-plans';
import { ReminderRepository } from './reminders/reminder.repository';
import { ReviewController } from './review/review.controller';
import { ReviewService } from './review/review.service';
import { SEND_QUEUE } from './reminders/send-queue';
import { SendScheduler } from './reminders/send-scheduler';
import { SessionRepository } from './sessions/session.repository';
import { InboundService } from './sms/inbound.service';
import { StatusCallbacks } from './sms/status-callbacks';
import { TwilioSignature } from './sms/twilio-signature';
import { TwilioWebhooksController } from './sms/twilio-webhooks.controller';

const SHARED = [
  AfterCommit,
  AlertRepository,
  ContactRoutes,
  DeliveryFailures,
  FacilitatorRepository,
  MessageComposer,
  MessageRepository,
  MessageTexts,
  NumberHash,
  OptOutRepository,
  PollRepository,
  ReminderRepository,
  RpcClient,
  SendScheduler,
  SessionRepository,
];

/**
 * The notifications service: reminders by SMS and email, the content review queue, the message
 * log and the providers' webhooks. The API, the worker and the composed system import it; the
 * worker adds the senders (NotificationsWorkerModule).
 */
@Module({
  imports: [
    ServiceDatabaseModule.forService({ service: 'notifications', entities: NOTIFICATIONS_ENTITIES, migrations: NOTIFICATIONS_MIGRATIONS }),
    MessagingModule.outbox('notifications'),
    BullModule.registerQueue({ name: SEND_QUEUE }),
  ],
  controllers: [TwilioWebhooksController, ReviewController, MessageLogController, AlertsController, ReminderPlansController],
  providers: [
    { provide: NotificationsConfig, inject: [ENVIRONMENT], useFactory: (env: Environment) => loadNotificationsConfig(env) },
    ...SHARED,
    TwilioSignature,
    StatusCallbacks,
    InboundService,
    PollReplies,
    ReviewService,
    MessageLogService,
    AlertsService,
    ReminderPlansService,
  ],
  exports: [NotificationsConfig, ...SHARED],
})
export class NotificationsModule {}
