import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsISO8601, IsString, MaxLength, ValidateNested } from 'class-validator';
import { HasOffset } from '#platform';
import { WeeklyWindowDto } from '../../venues/dto/venue.dto';

export class SetWeeklyAvailabilityDto {
  @ApiProperty({ type: [WeeklyWindowDto], description: "Replaces the person's weekly windows; times in their own time zone" })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  weekly!: WeeklyWindowDto[];
}

export class AddExceptionDto {
  @ApiProperty({ example: '2027-01-05T09:00:00Z' })
  @IsISO8601({ strict: true })
  @HasOffset()
  start!: string;

  @ApiProperty({ example: '2027-01-05T17:00:00Z' })
  @IsISO8601({ strict: true })
  @HasOffset()
  end!: string;

  @ApiProperty({ description: 'false: busy (holiday, appointment); true: free outside the weekly windows' })
  @IsBoolean()
  available!: boolean;
}

export class ExceptionView {
  @ApiProperty() id!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() available!: boolean;
}

export class AvailabilityView {
  @ApiProperty() personId!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: [WeeklyWindowDto] }) weekly!: WeeklyWindowDto[];
  @ApiProperty({ type: [ExceptionView] }) exceptions!: ExceptionView[];
}

export class ImportCalendarDto {
  @ApiProperty({ description: 'The text of an iCalendar (.ics) file; recurring events are expanded' })
  @IsString()
  @MaxLength(90_000)
  ics!: string;
}

export class CalendarImportView {
  @ApiProperty({ description: 'Busy periods recorded' }) busyPeriods!: number;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
}
