import { ConflictError } from '#platform';
import type { CaseEntity } from '../case/case.entity';
import { isOpen } from '../stages/stage-machine';

/** Refuses a change to a case that has left the process (closed, withdrawn, rejected...). */
export function requireOpen(kase: CaseEntity, what: string): void {
  if (!isOpen(kase.stage)) {
    throw new ConflictError('case-not-open', `case ${kase.reference} is ${kase.stage}: ${what} is no longer possible`);
  }
}
