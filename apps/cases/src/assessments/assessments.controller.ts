import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { CASE_READERS, PRACTITIONERS } from '../access/roles';
import { AssessmentsService } from './assessments.service';
import { AssessmentView, RecordAssessmentDto } from './dto/assessment.dto';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('cases/:caseId/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Post()
  @Roles(...PRACTITIONERS)
  @ApiCreatedResponse({ type: AssessmentView })
  record(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string, @Body() dto: RecordAssessmentDto) {
    return this.assessments.record(user, caseId, dto);
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: AssessmentView, isArray: true })
  list(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string) {
    return this.assessments.list(user, caseId);
  }
}
