import { Module } from '@nestjs/common';
import { ENVIRONMENT, type Environment, loadConfig, ServiceDatabaseModule } from '#platform';
import { REPORTING_ENTITIES, REPORTING_MIGRATIONS } from './database';
import { EventsHandler } from './events/events.handler';
import { EventLogRepository } from './events/event-log.repository';
import { FiguresController } from './figures/figures.controller';
import { FiguresRepository } from './figures/figures.repository';
import { FiguresService } from './figures/figures.service';
import { Projector } from './projections/projector';
import { ReplayController } from './replay/replay.controller';
import { ReplayService } from './replay/replay.service';
import { ReportingConfig } from './reporting.config';

/**
 * The reporting service: a read model built only from events, with no personal data, and the
 * figures served from it. The API, the worker and the composed system import this module; the
 * worker adds the consumer of its events (reporting-worker.module.ts).
 */
@Module({
  imports: [ServiceDatabaseModule.forService({ service: 'reporting', entities: REPORTING_ENTITIES, migrations: REPORTING_MIGRATIONS })],
  controllers: [FiguresController, ReplayController],
  providers: [
    { provide: ReportingConfig, inject: [ENVIRONMENT], useFactory: (env: Environment) => loadConfig(ReportingConfig, env) },
    EventLogRepository,
    Projector,
    EventsHandler,
    FiguresRepository,
    FiguresService,
    ReplayService,
  ],
})
export class ReportingModule {}
