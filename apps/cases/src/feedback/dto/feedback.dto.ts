import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class RecordFeedbackDto {
  @ApiProperty() @IsUUID() participantId!: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: '1 very dissatisfied … 5 very satisfied' })
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction!: number;

  @ApiPropertyOptional({ description: 'In their words (stored encrypted)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

export class FeedbackView {
  @ApiProperty() id!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty() satisfaction!: number;
  @ApiPropertyOptional({ nullable: true }) comment!: string | null;
  @ApiProperty() recordedAt!: string;
}
