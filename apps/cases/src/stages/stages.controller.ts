import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { CASE_READERS, CASE_WRITERS } from '../access/roles';
import { CaseView } from '../case/case.view';
import { MoveStageDto, StageChangeView } from './dto/move-stage.dto';
import { StagesService } from './stages.service';

@ApiTags('stages')
@ApiBearerAuth()
@Controller('cases/:caseId')
export class StagesController {
  constructor(private readonly stages: StagesService) {}

  @Post('stage')
  @HttpCode(200)
  @Roles(...CASE_WRITERS)
  @ApiOkResponse({ type: CaseView })
  @ApiConflictResponse({ description: 'The move is not allowed from here; the body names the moves that are' })
  move(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string, @Body() dto: MoveStageDto): Promise<CaseView> {
    return this.stages.move(user, caseId, dto);
  }

  @Get('stage-history')
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: StageChangeView, isArray: true })
  history(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string): Promise<StageChangeView[]> {
    return this.stages.history(user, caseId);
  }
}
