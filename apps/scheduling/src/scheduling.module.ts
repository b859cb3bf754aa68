import { Module } from '@nestjs/common';
import { ServiceDatabaseModule } from '#platform';

/**
 * The scheduling service. It boots, owns its (still empty) schema and answers health checks; its
 * features arrive with their own issue. The API, the worker and the composed system import it.
 */
@Module({
  imports: [ServiceDatabaseModule.forService({ service: 'scheduling', entities: [], migrations: [] })],
})
export class SchedulingModule {}
