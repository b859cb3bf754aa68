import { Module } from '@nestjs/common';
import { PlatformModule, runWorker } from '#platform';
import { ReportingWorkerModule } from './reporting-worker.module';

@Module({ imports: [PlatformModule.forRoot(), ReportingWorkerModule] })
class ReportingWorkerRoot {}

void runWorker(ReportingWorkerRoot);
