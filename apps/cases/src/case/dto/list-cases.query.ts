import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CASE_STAGES, type CaseStage } from '#contracts';

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: CASE_STAGES })
  @IsOptional()
  @IsIn(CASE_STAGES)
  stage?: CaseStage;

  @ApiPropertyOptional({ description: 'Cases not yet contacted whose 48-hour deadline has passed' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  firstContactOverdue?: boolean;

  @ApiPropertyOptional({ description: 'Cases carried by this facilitator (lead or co)' })
  @IsOptional()
  @IsUUID()
  facilitatorId?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}
