import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsTimeZone, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { VENUE_KINDS, type VenueKind } from '#contracts';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * A venue's label, address and directions are quoted in messages: one line each (they are read
 * in an SMS) and no link (a link in a message must be on the service's own domains).
 */
const Quotable = (field: 'label' | 'address' | 'directions') =>
  Matches(/^(?![\s\S]*(?:https?:\/\/|www\.))[^\x00-\x1f\x7f]*$/i, { message: `${field} must be one line of text without links` });

/** An address or directions: optional, `null` clears it on an update. */
function VenueText(field: 'address' | 'directions', maxLength: number, description: string, example: string) {
  return applyDecorators(ApiPropertyOptional({ description, example, maxLength, nullable: true }), IsOptional(), IsString(), Length(1, maxLength), Quotable(field));
}

const Address = () => VenueText('address', 200, 'Its postal address on one line, as messages give it', '12 Week Street, Maidstone ME14 1RF');
const Directions = () => VenueText('directions', 300, 'How to arrive, given in reminders', 'Bring photo ID and arrive 30 minutes early.');

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
  @Quotable('label')
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

  @Address()
  address?: string;

  @Directions()
  directions?: string;

  @ApiProperty({ type: [WeeklyWindowDto], description: 'Opening hours; for a prison, its official visiting slots. Ignored for video.' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  hours!: WeeklyWindowDto[];
}

/** What may change of a venue without touching its bookings: how it is named and reached. `null` clears the address or directions. */
export class UpdateVenueDto {
  @ApiPropertyOptional({ description: 'The venue as coordinators know it' })
  @ValidateIf((venue: UpdateVenueDto) => venue.label !== undefined)
  @IsString()
  @Length(1, 120)
  @Quotable('label')
  label?: string;

  @Address()
  address?: string | null;

  @Directions()
  directions?: string | null;
}

export class VenueView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: VENUE_KINDS }) kind!: VenueKind;
  @ApiProperty() label!: string;
  @ApiPropertyOptional({ nullable: true }) address!: string | null;
  @ApiPropertyOptional({ nullable: true }) directions!: string | null;
  @ApiProperty() timeZone!: string;
  @ApiPropertyOptional({ nullable: true }) capacity!: number | null;
  @ApiProperty() accessible!: boolean;
  @ApiPropertyOptional({ nullable: true }) establishment!: string | null;
  @ApiProperty({ type: [WeeklyWindowDto] }) hours!: WeeklyWindowDto[];
}
