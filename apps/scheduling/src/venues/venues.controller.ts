import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { SCHEDULE_READERS, SCHEDULERS } from '../access/roles';
import { CreateVenueDto, UpdateVenueDto, VenueView } from './dto/venue.dto';
import { VenuesService } from './venues.service';

@ApiTags('venues')
@ApiBearerAuth()
@Controller('venues')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Post()
  @Roles(...SCHEDULERS)
  @ApiCreatedResponse({ type: VenueView })
  create(@CurrentUser() user: Principal, @Body() dto: CreateVenueDto) {
    return this.venues.create(user, dto);
  }

  @Patch(':venueId')
  @Roles(...SCHEDULERS)
  @ApiOkResponse({ type: VenueView })
  update(@CurrentUser() user: Principal, @UuidParam('venueId') venueId: string, @Body() dto: UpdateVenueDto) {
    return this.venues.update(user, venueId, dto);
  }

  @Get()
  @Roles(...SCHEDULE_READERS)
  @ApiOkResponse({ type: VenueView, isArray: true })
  list(@CurrentUser() user: Principal) {
    return this.venues.list(user);
  }
}
