import { hasRole, type Principal, type Role } from '#auth';
import { ForbiddenError } from '#platform';
import type { ReportScope } from './report-filter';

/** Who may read figures: managers for their organisation, partnership leads for the partnership. */
export const REPORT_READERS: Role[] = ['manager', 'partnership-lead'];

/**
 * The cases a caller's report covers. A partnership lead sees every organisation of the
 * partnership and may narrow to one; a manager sees their own organisation and no other.
 */
export function reportScope(principal: Principal, organisationId?: string): ReportScope {
  if (hasRole(principal, 'partnership-lead') && principal.partnershipId) {
    return { kind: 'partnership', partnershipId: principal.partnershipId, organisationId: organisationId ?? null };
  }
  if (organisationId && organisationId !== principal.organisationId) {
    throw new ForbiddenError(`figures of organisation ${organisationId} are for its managers and the partnership lead`);
  }
  return { kind: 'organisation', organisationId: principal.organisationId };
}
