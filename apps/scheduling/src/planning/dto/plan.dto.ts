import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class RequestPlanDto {
  @ApiPropertyOptional({ description: 'Days ahead to plan, 1 to 90 (default: the suggestion horizon)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  horizonDays?: number;

  @ApiPropertyOptional({ description: 'Solver budget in ms, 100 to 60000 (default 5000)' })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(60_000)
  timeLimitMs?: number;
}

export class AcceptPlanDto {
  @ApiPropertyOptional({ type: [String], description: 'The proposed sessions to book; all of them if absent' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  sessionIds?: string[];
}

export class ProposedSessionView {
  @ApiProperty() sessionId!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() venueId!: string;
}

export class LeftOutView {
  @ApiProperty() sessionId!: string;
  @ApiProperty() reason!: string;
}

export class PlanView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status!: string;
  @ApiProperty({ description: '0 to 100' }) progress!: number;
  @ApiProperty({ type: [ProposedSessionView] }) proposed!: ProposedSessionView[];
  @ApiProperty({ type: [LeftOutView], description: 'Pending sessions the plan could not place, and why' }) leftOut!: LeftOutView[];
  @ApiPropertyOptional({ nullable: true }) error!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true }) finishedAt!: string | null;
}

export class AcceptOutcomeView {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ enum: ['booked', 'refused'] }) outcome!: 'booked' | 'refused';
  @ApiPropertyOptional({ description: 'Why it was refused: the 409 or 404 the booking gave' }) error?: { code: string; message: string };
}
