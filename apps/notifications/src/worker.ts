import { Module } from '@nestjs/common';
import { PlatformModule, runWorker } from '#platform';
import { NotificationsWorkerModule } from './notifications-worker.module';

@Module({ imports: [PlatformModule.forRoot(), NotificationsWorkerModule] })
class NotificationsWorkerRoot {}

void runWorker(NotificationsWorkerRoot);
