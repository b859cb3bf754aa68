import { Module } from '@nestjs/common';
import { AuthModule } from '#auth';
import { OpsModule } from '#messaging';
import { PlatformModule, runApi } from '#platform';
import { SchedulingModule } from './scheduling.module';

@Module({ imports: [PlatformModule.forRoot(), AuthModule, OpsModule, SchedulingModule] })
class SchedulingApiRoot {}

// rpc: notifications asks this API for a poll's link (scheduling.poll-link.v1).
void runApi(SchedulingApiRoot, 'Convene scheduling API', { rpc: true });
