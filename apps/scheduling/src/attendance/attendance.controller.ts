import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { SCHEDULERS } from '../access/roles';
import { SessionRecordView } from '../sessions/dto/session.dto';
import { AttendanceService } from './attendance.service';
import { ConfirmAttendanceDto, RecordOutcomeDto } from './dto/attendance.dto';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions/:sessionId')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Post('attendance')
  @HttpCode(200)
  @Roles(...SCHEDULERS)
  @ApiOkResponse({ type: SessionRecordView, description: 'Confirmed for the current version; session.attendance-confirmed goes out the first time' })
  @ApiBadRequestResponse({ description: 'participantId is not a participant of the session' })
  @ApiConflictResponse({ description: 'The session is not booked' })
  confirm(@CurrentUser() user: Principal, @UuidParam('sessionId') sessionId: string, @Body() dto: ConfirmAttendanceDto) {
    return this.attendance.confirmByCoordinator(user, sessionId, dto);
  }

  @Post('outcome')
  @HttpCode(200)
  @Roles(...SCHEDULERS)
  @ApiOkResponse({ type: SessionRecordView, description: 'Recorded; session.outcome-recorded goes out when it is new or corrected' })
  @ApiConflictResponse({ description: 'The session is not booked, or has not started yet' })
  record(@CurrentUser() user: Principal, @UuidParam('sessionId') sessionId: string, @Body() dto: RecordOutcomeDto) {
    return this.attendance.recordOutcome(user, sessionId, dto);
  }
}
