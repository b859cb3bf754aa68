import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { HasOffset } from '#platform';

export class OpenPollDto {
  @ApiProperty({ description: 'The participant of the session who is asked' })
  @IsUUID()
  participantId!: string;

  @ApiPropertyOptional({ description: 'How many candidate times, 1 to 10 (default 5)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  count?: number;
}

export class AnswerPollDto {
  @ApiProperty({ type: [String], description: 'The candidate starts that suit; none is an answer too' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(10)
  @IsISO8601({ strict: true }, { each: true })
  @HasOffset({ each: true })
  starts!: string[];
}

/** The poll page's form (urlencoded): one `optionIds` field per ticked box, none when nothing suits. */
export class AnswerPollFormDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  // A form sends one ticked box as a plain value, several as a list.
  @Transform(({ value }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  optionIds?: string[];
}

export class CandidateView {
  @ApiProperty({ description: 'Stable id of this time, as the page and poll.answered name it' }) optionId!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
}

/** What the participant sees: times, nothing about anyone else. */
export class PublicPollView {
  @ApiProperty({ type: [CandidateView] }) candidates!: CandidateView[];
  @ApiProperty({ description: "The participant's own time zone, to show the times in" }) timeZone!: string;
  @ApiProperty({ enum: ['open', 'answered', 'closed'], description: 'Closed once expired, or when the session is booked or cancelled' }) status!: string;
  @ApiPropertyOptional({ type: [String], nullable: true }) chosen!: string[] | null;
  @ApiProperty() expiresAt!: string;
}

export class PollView extends PublicPollView {
  @ApiProperty() id!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty({ description: 'For the participant\'s link: /polls/{token}' }) token!: string;
}
