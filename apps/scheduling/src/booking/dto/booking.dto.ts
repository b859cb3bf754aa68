import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsUUID } from 'class-validator';
import { HasOffset } from '#platform';

/** A time and venue for a session, as a suggestion gave it. */
export class PlaceSessionDto {
  @ApiProperty({ example: '2027-01-05T10:00:00Z', description: 'On the 15-minute grid' })
  @IsISO8601({ strict: true })
  @HasOffset()
  start!: string;

  @ApiProperty()
  @IsUUID()
  venueId!: string;
}
