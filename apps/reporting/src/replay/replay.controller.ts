import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '#auth';
import { ReplayService } from './replay.service';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('ops/reporting')
export class ReplayController {
  constructor(private readonly replay: ReplayService) {}

  @Post('replay')
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ description: 'The read model rebuilt from the event log: how many events, how long it took' })
  rebuild() {
    return this.replay.rebuild();
  }
}
