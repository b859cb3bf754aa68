import { Module } from '@nestjs/common';
import { MessagingModule } from '#messaging';
import { CasesModule } from './cases.module';

/** What the cases worker runs besides the service's modules: the outbox relay. */
@Module({ imports: [CasesModule, MessagingModule.worker({ service: 'cases' })] })
export class CasesWorkerModule {}
