import { Module } from '@nestjs/common';
import { MessagingModule } from '#messaging';
import { CaseEventsHandler } from './events/case-events.handler';
import { ReportingModule } from './reporting.module';

/** What the reporting worker runs besides the service's modules: the consumer of its events. */
@Module({ imports: [ReportingModule, MessagingModule.worker({ service: 'reporting', handlers: [CaseEventsHandler] })] })
export class ReportingWorkerModule {}
