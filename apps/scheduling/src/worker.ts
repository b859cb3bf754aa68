import { Module } from '@nestjs/common';
import { PlatformModule, runWorker } from '#platform';
import { SchedulingWorkerModule } from './scheduling-worker.module';

@Module({ imports: [PlatformModule.forRoot(), SchedulingWorkerModule] })
class SchedulingWorkerRoot {}

void runWorker(SchedulingWorkerRoot);
