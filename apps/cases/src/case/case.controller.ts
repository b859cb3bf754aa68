import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { CASE_READERS } from '../access/roles';
import { CaseService } from './case.service';
import { CaseView } from './case.view';
import { ListCasesQuery } from './dto/list-cases.query';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseController {
  constructor(private readonly cases: CaseService) {}

  @Get()
  @Roles(...CASE_READERS)
  list(@CurrentUser() user: Principal, @Query() query: ListCasesQuery) {
    return this.cases.list(user, query);
  }

  @Get(':caseId')
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: CaseView })
  get(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string): Promise<CaseView> {
    return this.cases.get(user, caseId);
  }
}
