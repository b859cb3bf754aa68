import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsTimeZone, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { VENUE_KINDS, type VenueKind } from '#contracts';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A weekly window in the owner's time zone; `end` after `start`, `24:00` for midnight. */
export class WeeklyWindowDto {
  @ApiProperty({ description: 'ISO weekday, 1 = Monday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @ApiProperty({ example: '18:00' })
  @Matches(HH_MM, { message: 'start must be a time HH:MM' })
  start!: string;

  @ApiProperty({ example: '20:00' })
  @Matches(HH_MM, { message: 'end must be a time HH:MM' })
  end!: string;
}

export class CreateVenueDto {
  @ApiProperty({ enum: VENUE_KINDS })
  @IsIn(VENUE_KINDS)
  kind!: VenueKind;

  @ApiProperty({ description: 'The venue as coordinators know it, e.g. "Maidstone hub, room 2"' })
  @IsString()
  @Length(1, 120)
  label!: string;

  @ApiProperty({ example: 'Europe/London' })
  @IsTimeZone()
  timeZone!: string;

  @ApiPropertyOptional({ description: 'Most attendees it holds; any number if absent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  capacity?: number;

  @ApiProperty({ description: 'Suits wheelchair users and other access needs' })
  @IsBoolean()
  accessible!: boolean;

  @ApiPropertyOptional({ description: 'For a prison: its establishment code (as on participants in custody)' })
  @ValidateIf((venue: CreateVenueDto) => venue.kind === 'prison' || venue.establishment !== undefined)
  @IsString()
  @Length(1, 40)
  establishment?: string;

  @ApiProperty({ type: [WeeklyWindowDto], description: 'Opening hours; for a prison, its official visiting slots. Ignored for video.' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  hours!: WeeklyWindowDto[];
}

export class VenueView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: VENUE_KINDS }) kind!: VenueKind;
  @ApiProperty() label!: string;
  @ApiProperty() timeZone!: string;
  @ApiPropertyOptional({ nullable: true }) capacity!: number | null;
  @ApiProperty() accessible!: boolean;
  @ApiPropertyOptional({ nullable: true }) establishment!: string | null;
  @ApiProperty({ type: [WeeklyWindowDto] }) hours!: WeeklyWindowDto[];
}
