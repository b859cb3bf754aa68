import { Module } from '@nestjs/common';
import { AuthModule } from '#auth';
import { OpsModule } from '#messaging';
import { PlatformModule, runApi } from '#platform';
import { NotificationsModule } from './notifications.module';

@Module({ imports: [PlatformModule.forRoot(), AuthModule, OpsModule, NotificationsModule] })
class NotificationsApiRoot {}

void runApi(NotificationsApiRoot, 'Convene notifications API');
