import { Module } from '@nestjs/common';
import { PlatformModule, runWorker } from '#platform';
import { ReportingModule } from './reporting.module';

@Module({ imports: [PlatformModule.forRoot(), ReportingModule] })
class ReportingWorkerRoot {}

void runWorker(ReportingWorkerRoot);
