import { Module } from '@nestjs/common';
import { ServiceDatabaseModule } from '#platform';

/**
 * The notifications service. It boots, owns its (still empty) schema and answers health checks; its
 * features arrive with their own issue. The API, the worker and the composed system import it.
 */
@Module({
  imports: [ServiceDatabaseModule.forService({ service: 'notifications', entities: [], migrations: [] })],
})
export class NotificationsModule {}
