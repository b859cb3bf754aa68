import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ACTION_STATUSES, type ActionStatus } from '#contracts';
import { HasOffset } from '#platform';

/** A SMART action: specific (what), measurable (how checked), owned (who) and time-bound (by when). */
export class OutcomeActionDto {
  @ApiProperty({ example: 'Write a letter of apology' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description!: string;

  @ApiPropertyOptional({ description: 'The participant who owns it; absent when the service does' })
  @IsOptional()
  @IsUUID()
  ownerParticipantId?: string;

  @ApiProperty({ example: '2027-01-31T17:00:00Z' })
  @IsISO8601({ strict: true })
  @HasOffset()
  dueBy!: string;

  @ApiProperty({ example: 'Facilitator receives the letter' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  checkMethod!: string;
}

export class RecordOutcomeAgreementDto {
  @ApiProperty({ example: '2026-12-10T12:00:00Z' })
  @IsISO8601({ strict: true })
  @HasOffset()
  madeAt!: string;

  @ApiProperty({ type: [OutcomeActionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OutcomeActionDto)
  actions!: OutcomeActionDto[];
}

export class UpdateActionDto {
  @ApiProperty({ enum: ACTION_STATUSES })
  @IsIn(ACTION_STATUSES)
  status!: ActionStatus;

  @ApiPropertyOptional({ description: 'When it was completed; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @HasOffset()
  completedAt?: string;
}

export class CompleteTaskDto {
  @ApiProperty() @IsBoolean() done!: boolean;
}

export class OutcomeActionView {
  @ApiProperty() id!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({ nullable: true }) ownerParticipantId!: string | null;
  @ApiProperty() dueBy!: string;
  @ApiProperty() checkMethod!: string;
  @ApiProperty({ enum: ACTION_STATUSES }) status!: ActionStatus;
  @ApiPropertyOptional({ nullable: true }) completedAt!: string | null;
  @ApiProperty({ description: 'Open and past its deadline' }) overdue!: boolean;
}

export class OutcomeAgreementView {
  @ApiProperty() id!: string;
  @ApiProperty() madeAt!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ type: [OutcomeActionView] }) actions!: OutcomeActionView[];
}

export class TaskView {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiPropertyOptional({ nullable: true }) assigneeFacilitatorId!: string | null;
  @ApiPropertyOptional({ nullable: true }) actionId!: string | null;
  @ApiPropertyOptional({ nullable: true }) dueAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) doneAt!: string | null;
}
