import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { SCHEDULERS } from '../access/roles';
import { SessionView } from '../sessions/dto/session.dto';
import { BookingService } from './booking.service';
import { PlaceSessionDto } from './dto/booking.dto';

@ApiTags('booking')
@ApiBearerAuth()
@Controller('sessions/:sessionId')
export class BookingController {
  constructor(private readonly booking: BookingService) {}

  @Post('hold')
  @HttpCode(200)
  @Roles(...SCHEDULERS)
  @ApiOkResponse({ type: SessionView, description: 'Held until holdExpiresAt unless confirmed' })
  @ApiConflictResponse({ description: 'A person or the venue is taken (naming which), or a rule would break' })
  hold(@CurrentUser() user: Principal, @UuidParam('sessionId') sessionId: string, @Body() dto: PlaceSessionDto) {
    return this.booking.hold(user, sessionId, dto);
  }

  @Post('confirm')
  @HttpCode(200)
  @Roles(...SCHEDULERS)
  @ApiOkResponse({ type: SessionView, description: 'Booked; session.booked goes out' })
  confirm(@CurrentUser() user: Principal, @UuidParam('sessionId') sessionId: string) {
    return this.booking.confirm(user, sessionId);
  }

  @Post('reschedule')
  @HttpCode(200)
  @Roles(...SCHEDULERS)
  @ApiOkResponse({ type: SessionView, description: 'Moved, version + 1; session.rescheduled goes out' })
  reschedule(@CurrentUser() user: Principal, @UuidParam('sessionId') sessionId: string, @Body() dto: PlaceSessionDto) {
    return this.booking.reschedule(user, sessionId, dto);
  }

  @Post('cancel')
  @HttpCode(200)
  @Roles(...SCHEDULERS)
  @ApiOkResponse({ type: SessionView, description: 'Cancelled, version + 1; session.cancelled goes out' })
  cancel(@CurrentUser() user: Principal, @UuidParam('sessionId') sessionId: string) {
    return this.booking.cancel(user, sessionId);
  }
}
