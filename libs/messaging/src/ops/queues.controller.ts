import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Roles } from '#auth';
import { JOB_STATES, type JobState, QueueInspector } from './queue-inspector';

export class JobsQuery {
  @ApiPropertyOptional({ enum: JOB_STATES, default: 'failed' })
  @IsOptional()
  @IsIn(JOB_STATES)
  state: JobState = 'failed';

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;
}

/** Where operations see events waiting, delivered and failed, and send failed ones again. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('ops/queues')
export class QueuesController {
  constructor(private readonly inspector: QueueInspector) {}

  @Get()
  @Roles('ops')
  counts() {
    return this.inspector.counts();
  }

  @Get(':queue/jobs')
  @Roles('ops')
  jobs(@Param('queue') queue: string, @Query() query: JobsQuery) {
    return this.inspector.jobs(queue, query.state, query.limit);
  }

  @Post(':queue/retry-failed')
  @HttpCode(200)
  @Roles('ops')
  async retryFailed(@Param('queue') queue: string): Promise<{ retried: number }> {
    return { retried: await this.inspector.retryFailed(queue) };
  }
}
