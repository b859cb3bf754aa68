import { Module } from '@nestjs/common';
import { MessagingModule } from '#messaging';
import { EventsHandler } from './events/events.handler';
import { ReportingModule } from './reporting.module';

/** What the reporting worker runs besides the service's modules: the consumer of its events. */
@Module({ imports: [ReportingModule, MessagingModule.worker({ service: 'reporting', handlers: [EventsHandler] })] })
export class ReportingWorkerModule {}
