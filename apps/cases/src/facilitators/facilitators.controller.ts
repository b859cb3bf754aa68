import { Body, Controller, Get, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { COORDINATION } from '../access/roles';
import { CaseView } from '../case/case.view';
import { AssignmentService } from './assignment.service';
import { AssignFacilitatorsDto, FacilitatorView, RegisterFacilitatorDto, UpdateFacilitatorDto } from './dto/facilitator.dto';
import { FacilitatorsService } from './facilitators.service';

@ApiTags('facilitators')
@ApiBearerAuth()
@Controller()
export class FacilitatorsController {
  constructor(
    private readonly facilitators: FacilitatorsService,
    private readonly assignment: AssignmentService,
  ) {}

  @Post('facilitators')
  @Roles(...COORDINATION)
  @ApiCreatedResponse({ type: FacilitatorView })
  register(@CurrentUser() user: Principal, @Body() dto: RegisterFacilitatorDto) {
    return this.facilitators.register(user, dto);
  }

  @Get('facilitators')
  @Roles('coordinator', 'manager', 'facilitator', 'partnership-lead')
  @ApiOkResponse({ type: FacilitatorView, isArray: true, description: 'With each one\'s active caseload against capacity' })
  list(@CurrentUser() user: Principal) {
    return this.facilitators.list(user);
  }

  @Get('facilitators/:facilitatorId')
  @Roles('coordinator', 'manager', 'facilitator', 'partnership-lead')
  @ApiOkResponse({ type: FacilitatorView })
  get(@CurrentUser() user: Principal, @UuidParam('facilitatorId') facilitatorId: string) {
    return this.facilitators.get(user, facilitatorId);
  }

  @Patch('facilitators/:facilitatorId')
  @Roles(...COORDINATION)
  @ApiOkResponse({ type: FacilitatorView })
  update(@CurrentUser() user: Principal, @UuidParam('facilitatorId') facilitatorId: string, @Body() dto: UpdateFacilitatorDto) {
    return this.facilitators.update(user, facilitatorId, dto);
  }

  @Put('cases/:caseId/facilitators')
  @Roles(...COORDINATION)
  @ApiOkResponse({ type: CaseView })
  @ApiConflictResponse({ description: 'A facilitator is at capacity (a manager may override)' })
  assign(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string, @Body() dto: AssignFacilitatorsDto) {
    return this.assignment.assign(user, caseId, dto);
  }
}
