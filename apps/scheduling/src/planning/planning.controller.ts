import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { SCHEDULE_READERS, SCHEDULERS } from '../access/roles';
import { AcceptOutcomeView, AcceptPlanDto, PlanView, RequestPlanDto } from './dto/plan.dto';
import { PlanningService } from './planning.service';

@ApiTags('planning')
@ApiBearerAuth()
@Controller('plans')
export class PlanningController {
  constructor(private readonly planning: PlanningService) {}

  @Post()
  @HttpCode(202)
  @Roles(...SCHEDULERS)
  @ApiAcceptedResponse({ type: PlanView, description: "Queued: a plan of the organisation's pending sessions; poll it for progress" })
  request(@CurrentUser() user: Principal, @Body() dto: RequestPlanDto) {
    return this.planning.request(user, dto);
  }

  @Get(':planId')
  @Roles(...SCHEDULE_READERS)
  @ApiOkResponse({ type: PlanView })
  get(@CurrentUser() user: Principal, @UuidParam('planId') planId: string) {
    return this.planning.get(user, planId);
  }

  @Get(':planId/files')
  @Roles(...SCHEDULE_READERS)
  @ApiOkResponse({ description: 'The instance and plan in the exchange format (shared/spec/scheduling-problem.md), for `schedule check`' })
  files(@CurrentUser() user: Principal, @UuidParam('planId') planId: string) {
    return this.planning.files(user, planId);
  }

  @Post(':planId/accept')
  @HttpCode(200)
  @Roles(...SCHEDULERS)
  @ApiOkResponse({ type: AcceptOutcomeView, isArray: true, description: 'Each proposed session booked, or refused with the reason' })
  @ApiConflictResponse({ description: 'The plan is not done yet' })
  accept(@CurrentUser() user: Principal, @UuidParam('planId') planId: string, @Body() dto: AcceptPlanDto) {
    return this.planning.accept(user, planId, dto);
  }
}
