import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { CASE_READERS, CASE_WRITERS, PRACTITIONERS } from '../access/roles';
import {
  CompleteTaskDto,
  OutcomeActionView,
  OutcomeAgreementView,
  RecordOutcomeAgreementDto,
  TaskView,
  UpdateActionDto,
} from './dto/outcome.dto';
import { OutcomesService } from './outcomes.service';

@ApiTags('outcomes')
@ApiBearerAuth()
@Controller('cases/:caseId')
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Post('outcome-agreement')
  @Roles(...PRACTITIONERS)
  @ApiCreatedResponse({ type: OutcomeAgreementView })
  record(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string, @Body() dto: RecordOutcomeAgreementDto) {
    return this.outcomes.record(user, caseId, dto);
  }

  @Get('outcome-agreement')
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: OutcomeAgreementView })
  agreement(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string) {
    return this.outcomes.agreement(user, caseId);
  }

  @Patch('outcome-agreement/actions/:actionId')
  @Roles(...PRACTITIONERS)
  @ApiOkResponse({ type: OutcomeActionView })
  updateAction(
    @CurrentUser() user: Principal,
    @UuidParam('caseId') caseId: string,
    @UuidParam('actionId') actionId: string,
    @Body() dto: UpdateActionDto,
  ) {
    return this.outcomes.updateAction(user, caseId, actionId, dto);
  }

  @Get('tasks')
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: TaskView, isArray: true })
  tasks(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string) {
    return this.outcomes.tasks(user, caseId);
  }

  @Patch('tasks/:taskId')
  @Roles(...CASE_WRITERS)
  @ApiOkResponse({ type: TaskView })
  completeTask(
    @CurrentUser() user: Principal,
    @UuidParam('caseId') caseId: string,
    @UuidParam('taskId') taskId: string,
    @Body() dto: CompleteTaskDto,
  ) {
    return this.outcomes.completeTask(user, caseId, taskId, dto.done);
  }
}
