import type { SelectQueryBuilder } from 'typeorm';
import { hasRole, Principal, Role } from '#auth';

/**
 * Narrows a query on cases (alias `c`) to those the principal may see acting in one of
 * `roles`: a partnership lead every case of the partnership, a manager or coordinator their
 * organisation's, a facilitator only the cases allocated to them. No role, no rows.
 */
export function whereVisible<T extends object>(
  query: SelectQueryBuilder<T>,
  principal: Principal,
  roles: readonly Role[],
): SelectQueryBuilder<T> {
  const acting = principal.roles.filter((role) => roles.includes(role));
  const scope = { ...principal, roles: acting };
  const clauses: string[] = [];
  if (hasRole(scope, 'partnership-lead') && principal.partnershipId) clauses.push('c.partnership_id = :visiblePartnership');
  if (hasRole(scope, 'manager', 'coordinator')) clauses.push('c.organisation_id = :visibleOrganisation');
  if (hasRole(scope, 'facilitator')) {
    clauses.push(
      `EXISTS (SELECT 1 FROM cases.facilitator f WHERE f.user_id = :visibleUser
         AND f.id IN (c.lead_facilitator_id, c.co_facilitator_id))`,
    );
  }
  return query.andWhere(clauses.length > 0 ? `(${clauses.join(' OR ')})` : 'false', {
    visiblePartnership: principal.partnershipId,
    visibleOrganisation: principal.organisationId,
    visibleUser: principal.userId,
  });
}
