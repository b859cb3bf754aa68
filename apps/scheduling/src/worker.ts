import { Module } from '@nestjs/common';
import { PlatformModule, runWorker } from '#platform';
import { SchedulingModule } from './scheduling.module';

@Module({ imports: [PlatformModule.forRoot(), SchedulingModule] })
class SchedulingWorkerRoot {}

void runWorker(SchedulingWorkerRoot);
