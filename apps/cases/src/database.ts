import { AssessmentEntity } from './assessments/assessment.entity';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { CaseEntity } from './case/case.entity';
import { ConsentEntity } from './consent/consent.entity';
import { FacilitatorEntity } from './facilitators/facilitator.entity';
import { FeedbackEntity } from './feedback/feedback.entity';
import { CasesInitial1767225600000 } from './migrations/1767225600000-CasesInitial';
import { NoteEntity } from './notes/note.entity';
import { OutcomeActionEntity, OutcomeAgreementEntity } from './outcomes/outcome-agreement.entity';
import { TaskEntity } from './outcomes/task.entity';
import { ParticipantEntity } from './participants/participant.entity';
import { ContactAttemptEntity } from './referrals/contact-attempt.entity';
import { SessionRequestEntity } from './session-requests/session-request.entity';
import { StageChangeEntity } from './stages/stage-change.entity';

/** The name of the cases data source: `@InjectDataSource(CASES_DB)`. */
export const CASES_DB = 'cases';

export const CASES_ENTITIES = [
  AssessmentEntity,
  AuditEntryEntity,
  CaseEntity,
  ConsentEntity,
  ContactAttemptEntity,
  FacilitatorEntity,
  FeedbackEntity,
  NoteEntity,
  OutcomeActionEntity,
  OutcomeAgreementEntity,
  ParticipantEntity,
  SessionRequestEntity,
  StageChangeEntity,
  TaskEntity,
];

export const CASES_MIGRATIONS = [CasesInitial1767225600000];
