import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { CASE_READERS, CASE_WRITERS } from '../access/roles';
import { CreateParticipantDto, UpdateParticipantDto } from './dto/participant.dto';
import { ParticipantView } from './participant.view';
import { ParticipantsService } from './participants.service';

@ApiTags('participants')
@ApiBearerAuth()
@Controller('cases/:caseId/participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post()
  @Roles(...CASE_WRITERS)
  @ApiCreatedResponse({ type: ParticipantView })
  add(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string, @Body() dto: CreateParticipantDto) {
    return this.participants.add(user, caseId, dto);
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: ParticipantView, isArray: true })
  list(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string) {
    return this.participants.list(user, caseId);
  }

  @Get(':participantId')
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: ParticipantView })
  get(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string, @UuidParam('participantId') participantId: string) {
    return this.participants.get(user, caseId, participantId);
  }

  @Patch(':participantId')
  @Roles(...CASE_WRITERS)
  @ApiOkResponse({ type: ParticipantView })
  update(
    @CurrentUser() user: Principal,
    @UuidParam('caseId') caseId: string,
    @UuidParam('participantId') participantId: string,
    @Body() dto: UpdateParticipantDto,
  ) {
    return this.participants.update(user, caseId, participantId, dto);
  }

  @Delete(':participantId')
  @HttpCode(204)
  @Roles(...CASE_WRITERS)
  remove(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string, @UuidParam('participantId') participantId: string) {
    return this.participants.remove(user, caseId, participantId);
  }
}
