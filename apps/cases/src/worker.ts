import { Module } from '@nestjs/common';
import { PlatformModule, runWorker } from '#platform';
import { CasesWorkerModule } from './cases-worker.module';

@Module({ imports: [PlatformModule.forRoot(), CasesWorkerModule] })
class CasesWorkerRoot {}

void runWorker(CasesWorkerRoot);
