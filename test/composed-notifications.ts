import { OpsModule } from '#messaging';
import { startRpc } from '#platform';
import { CasesWorkerModule } from '../apps/cases/src/cases-worker.module';
import { CasesModule } from '../apps/cases/src/cases.module';
import { CasesFactory } from '../apps/cases/test/cases.factory';
import { NotificationsWorkerModule } from '../apps/notifications/src/notifications-worker.module';
import { type Harness, startNotifications } from '../apps/notifications/test/notifications.harness';
import { SchedulingWorkerModule } from '../apps/scheduling/src/scheduling-worker.module';

/** The person harmed's number as `CasesFactory.caseInPreparation` records it, in E.164. */
export const SARAH_SMS = '+447700900123';

/**
 * Notifications beside the real cases service (and scheduling's worker, unless left out), events
 * through the real outbox and relay, contact routes asked of cases over RPC. Quiet hours are
 * covered on their own; here they would make the outcome depend on the hour.
 */
export async function startComposedNotifications(options: { scheduling?: boolean } = {}): Promise<{ h: Harness; cases: CasesFactory }> {
  const services = [OpsModule, CasesModule, CasesWorkerModule, ...(options.scheduling === false ? [] : [SchedulingWorkerModule]), NotificationsWorkerModule];
  const h = await startNotifications(services, { QUIET_HOURS_START: '0', QUIET_HOURS_END: '0' }, { rpcStandIns: false });
  await startRpc(h.t.app);
  return { h, cases: new CasesFactory(h.t.http, h.t.token('coordinator', 'org-a'), h.t.token('manager', 'org-a')) };
}
