import { Module } from '@nestjs/common';
import { PlatformModule, runWorker } from '#platform';
import { NotificationsModule } from './notifications.module';

@Module({ imports: [PlatformModule.forRoot(), NotificationsModule] })
class NotificationsWorkerRoot {}

void runWorker(NotificationsWorkerRoot);
