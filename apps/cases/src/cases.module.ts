import { Module } from '@nestjs/common';
import { MessagingModule } from '#messaging';
import { ENVIRONMENT, type Environment, loadConfig, ServiceDatabaseModule } from '#platform';
import { CaseAccess } from './access/case-access';
import { CaseChanges } from './access/case-changes';
import { AssessmentsController } from './assessments/assessments.controller';
import { AssessmentsService } from './assessments/assessments.service';
import { AuditLog } from './audit/audit-log';
import { AuditTrailService } from './audit/audit-trail.service';
import { AuditController } from './audit/audit.controller';
import { CaseViews } from './case/case-views';
import { CaseController } from './case/case.controller';
import { CaseRepository } from './case/case.repository';
import { CaseService } from './case/case.service';
import { CasesConfig } from './cases.config';
import { ConsentController } from './consent/consent.controller';
import { ConsentService } from './consent/consent.service';
import { CASES_ENTITIES, CASES_MIGRATIONS } from './database';
import { AssignmentService } from './facilitators/assignment.service';
import { FacilitatorRepository } from './facilitators/facilitator.repository';
import { FacilitatorsController } from './facilitators/facilitators.controller';
import { FacilitatorsService } from './facilitators/facilitators.service';
import { FeedbackController } from './feedback/feedback.controller';
import { FeedbackService } from './feedback/feedback.service';
import { NotesController } from './notes/notes.controller';
import { NotesService } from './notes/notes.service';
import { OutcomeRepository } from './outcomes/outcome.repository';
import { OutcomesController } from './outcomes/outcomes.controller';
import { OutcomesService } from './outcomes/outcomes.service';
import { ContactRouteController } from './participants/contact-route.controller';
import { ContactRouteService } from './participants/contact-route.service';
import { ParticipantRepository } from './participants/participant.repository';
import { ParticipantsController } from './participants/participants.controller';
import { ParticipantsService } from './participants/participants.service';
import { ReferralsController } from './referrals/referrals.controller';
import { ReferralsService } from './referrals/referrals.service';
import { SessionRequestsController } from './session-requests/session-requests.controller';
import { SessionRequestsService } from './session-requests/session-requests.service';
import { CaseFactsReader } from './stages/case-facts.reader';
import { StagesController } from './stages/stages.controller';
import { StagesService } from './stages/stages.service';

/**
 * The cases service: the RJ case file and its process. The API, the worker and the composed
 * system all import this one module; only their root modules differ.
 */
@Module({
  imports: [
    ServiceDatabaseModule.forService({ service: 'cases', entities: CASES_ENTITIES, migrations: CASES_MIGRATIONS }),
    MessagingModule.outbox('cases'),
  ],
  controllers: [
    ReferralsController,
    CaseController,
    StagesController,
    FacilitatorsController,
    ParticipantsController,
    ContactRouteController,
    ConsentController,
    AssessmentsController,
    SessionRequestsController,
    OutcomesController,
    NotesController,
    FeedbackController,
    AuditController,
  ],
  providers: [
    { provide: CasesConfig, inject: [ENVIRONMENT], useFactory: (env: Environment) => loadConfig(CasesConfig, env) },
    AuditLog,
    AuditTrailService,
    CaseAccess,
    CaseChanges,
    CaseRepository,
    CaseViews,
    CaseService,
    CaseFactsReader,
    StagesService,
    ReferralsService,
    FacilitatorRepository,
    FacilitatorsService,
    AssignmentService,
    ParticipantRepository,
    ParticipantsService,
    ContactRouteService,
    ConsentService,
    AssessmentsService,
    SessionRequestsService,
    OutcomeRepository,
    OutcomesService,
    NotesService,
    FeedbackService,
  ],
})
export class CasesModule {}
