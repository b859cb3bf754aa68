import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '#auth';
import { OpsModule } from '#messaging';
import { type Environment, PlatformModule } from '#platform';
import { CasesWorkerModule } from '../../../apps/cases/src/cases-worker.module';
import { CasesModule } from '../../../apps/cases/src/cases.module';
import { NotificationsWorkerModule } from '../../../apps/notifications/src/notifications-worker.module';
import { ReportingWorkerModule } from '../../../apps/reporting/src/reporting-worker.module';
import { SchedulingWorkerModule } from '../../../apps/scheduling/src/scheduling-worker.module';

/** Every service's modules, API and worker parts: what the composed process runs. */
export const SYSTEM_MODULES = [
  OpsModule,
  CasesModule,
  CasesWorkerModule,
  SchedulingWorkerModule,
  NotificationsWorkerModule,
  ReportingWorkerModule,
];

/**
 * The whole system in one process, for one machine: the four services' own modules (API and
 * worker parts), the same code their separate entry points run, behind one address.
 */
@Module({})
export class SystemModule {
  static forEnvironment(env: Environment): DynamicModule {
    return {
      module: SystemModule,
      imports: [
        PlatformModule.forRoot({ env }),
        AuthModule,
        ...SYSTEM_MODULES,
      ],
    };
  }
}
