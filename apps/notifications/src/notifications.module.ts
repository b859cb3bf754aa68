import { Module } from '@nestjs/common';
import { MessagingModule } from '#messaging';
import { ENVIRONMENT, type Environment, loadConfig, ServiceDatabaseModule } from '#platform';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from './database';
import { NotificationsConfig } from './notifications.config';

/**
 * The notifications service: reminders by SMS and email, the content review queue, the message
 * log and the providers' webhooks. The API, the worker and the composed system import it.
 */
@Module({
  imports: [
    ServiceDatabaseModule.forService({ service: 'notifications', entities: NOTIFICATIONS_ENTITIES, migrations: NOTIFICATIONS_MIGRATIONS }),
    MessagingModule.outbox('notifications'),
  ],
  providers: [{ provide: NotificationsConfig, inject: [ENVIRONMENT], useFactory: (env: Environment) => loadConfig(NotificationsConfig, env) }],
  exports: [NotificationsConfig],
})
export class NotificationsModule {}
