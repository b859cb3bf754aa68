import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DELIVERY_TYPES, type DeliveryType, SESSION_KINDS, type SessionKind } from '#contracts';
import { HasOffset } from '#platform';

export class RequestSessionDto {
  @ApiProperty({ enum: SESSION_KINDS })
  @IsIn(SESSION_KINDS)
  kind!: SessionKind;

  @ApiProperty({ type: [String], description: 'Participants attending; the two facilitators always attend' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  participantIds!: string[];

  @ApiPropertyOptional({ description: 'Minutes, a multiple of 15; the service default for the kind if absent' })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes?: number;

  @ApiPropertyOptional({ enum: DELIVERY_TYPES })
  @IsOptional()
  @IsIn(DELIVERY_TYPES)
  delivery?: DeliveryType;

  @ApiPropertyOptional({ description: 'Not to be held before this time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @HasOffset()
  notBefore?: string;
}

export class SessionRequestView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind!: SessionKind;
  @ApiProperty({ type: [String] }) participantIds!: string[];
  @ApiProperty({ type: [String] }) facilitatorIds!: string[];
  @ApiProperty() durationMinutes!: number;
  @ApiPropertyOptional({ nullable: true }) delivery!: string | null;
  @ApiPropertyOptional({ nullable: true }) notBefore!: string | null;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() requestedAt!: string;
}
