import { Injectable } from '@nestjs/common';
import { hasRole, type Principal } from '#auth';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#platform';
import { CaseChange, CaseChanges } from '../access/case-changes';
import { requireOpen } from '../access/require-open';
import { COORDINATION } from '../access/roles';
import { CaseViews } from '../case/case-views';
import { CaseRepository } from '../case/case.repository';
import type { CaseView } from '../case/case.view';
import type { AssignFacilitatorsDto } from './dto/facilitator.dto';
import { FacilitatorRepository } from './facilitator.repository';

/**
 * Two facilitators per case, who stay with it: a first assignment by coordination, a change
 * only by a manager. Past a facilitator's capacity only a manager may assign, and says so.
 */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly changes: CaseChanges,
    private readonly facilitators: FacilitatorRepository,
    private readonly cases: CaseRepository,
    private readonly views: CaseViews,
  ) {}

  assign(principal: Principal, caseId: string, dto: AssignFacilitatorsDto): Promise<CaseView> {
    if (dto.leadFacilitatorId === dto.coFacilitatorId) {
      throw InvalidInputError.field('coFacilitatorId', 'differsFromLead', 'coFacilitatorId must differ from leadFacilitatorId');
    }
    const isManager = hasRole(principal, 'manager');
    if (dto.overrideCapacity && !isManager) throw new ForbiddenError('only a manager may assign past a facilitator\'s capacity');

    return this.changes.apply(principal, caseId, COORDINATION, async (tx) => {
      requireOpen(tx.case, 'assigning facilitators');
      const current = [tx.case.leadFacilitatorId, tx.case.coFacilitatorId];
      const changing = current.some((id) => id !== null) && (current[0] !== dto.leadFacilitatorId || current[1] !== dto.coFacilitatorId);
      if (changing && !isManager) {
        throw new ForbiddenError('facilitators stay with their case: only a manager may change an assignment');
      }
      const newcomers = [dto.leadFacilitatorId, dto.coFacilitatorId].filter((id) => !current.includes(id));
      const overridden = await this.checkCapacity(tx, newcomers, dto.overrideCapacity === true);

      await this.cases.update(tx.manager, caseId, { leadFacilitatorId: dto.leadFacilitatorId, coFacilitatorId: dto.coFacilitatorId });
      await tx.emit('case.facilitators-assigned', {
        leadFacilitatorId: dto.leadFacilitatorId,
        coFacilitatorId: dto.coFacilitatorId,
        capacityOverridden: overridden,
      });
      await tx.audit('update', 'case-facilitators', caseId, { capacityOverridden: overridden, changed: changing });
      return this.views.one(tx.manager, await this.cases.get(tx.manager, caseId));
    });
  }

  /** Locks each newly assigned facilitator so two concurrent assignments cannot both pass. */
  private async checkCapacity(tx: CaseChange, facilitatorIds: string[], override: boolean): Promise<boolean> {
    let overridden = false;
    for (const id of [...facilitatorIds].sort()) {
      const facilitator = await this.facilitators.find(tx.manager, tx.case.organisationId, id, { lock: true });
      if (!facilitator) throw new NotFoundError('facilitator', id);
      if (!facilitator.active) throw new ConflictError('facilitator-inactive', `${facilitator.displayName} is not taking cases`);
      const active = (await this.facilitators.activeCaseloads(tx.manager, [id])).get(id) ?? 0;
      if (active >= facilitator.capacity) {
        if (!override) {
          throw new ConflictError(
            'facilitator-at-capacity',
            `${facilitator.displayName} already carries ${active} active cases (capacity ${facilitator.capacity}); a manager may assign anyway with overrideCapacity: true`,
            { facilitatorId: id, activeCases: active, capacity: facilitator.capacity },
          );
        }
        overridden = true;
      }
    }
    return overridden;
  }
}
