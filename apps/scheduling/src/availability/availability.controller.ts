import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { SCHEDULE_READERS, SCHEDULERS } from '../access/roles';
import { AvailabilityService } from './availability.service';
import { AddExceptionDto, AvailabilityView, CalendarImportView, ExceptionView, ImportCalendarDto, SetWeeklyAvailabilityDto } from './dto/availability.dto';

@ApiTags('availability')
@ApiBearerAuth()
@Controller('people/:personId/availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Put()
  @Roles(...SCHEDULERS)
  @ApiOkResponse({ type: AvailabilityView })
  setWeekly(@CurrentUser() user: Principal, @UuidParam('personId') personId: string, @Body() dto: SetWeeklyAvailabilityDto) {
    return this.availability.setWeekly(user, personId, dto);
  }

  @Post('exceptions')
  @Roles(...SCHEDULERS)
  @ApiCreatedResponse({ type: ExceptionView })
  addException(@CurrentUser() user: Principal, @UuidParam('personId') personId: string, @Body() dto: AddExceptionDto) {
    return this.availability.addException(user, personId, dto);
  }

  @Post('calendar')
  @HttpCode(200)
  @Roles(...SCHEDULERS)
  @ApiOkResponse({ type: CalendarImportView, description: 'Busy time from an .ics file, replacing the last import' })
  importCalendar(@CurrentUser() user: Principal, @UuidParam('personId') personId: string, @Body() dto: ImportCalendarDto) {
    return this.availability.importCalendar(user, personId, dto);
  }

  @Get()
  @Roles(...SCHEDULE_READERS)
  @ApiOkResponse({ type: AvailabilityView })
  get(@CurrentUser() user: Principal, @UuidParam('personId') personId: string) {
    return this.availability.get(user, personId);
  }
}
