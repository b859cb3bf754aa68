import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumberString, IsOptional, Max, Min } from 'class-validator';

export class AuditQuery {
  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;

  @ApiPropertyOptional({ description: 'Entries before this id (for the next page)' })
  @IsOptional()
  @IsNumberString()
  before?: string;
}

export class AuditEntryView {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty() actorUserId!: string;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty({ enum: ['read', 'create', 'update', 'delete'] }) action!: string;
  @ApiProperty() subject!: string;
  @ApiPropertyOptional({ nullable: true }) subjectId!: string | null;
  @ApiPropertyOptional({ nullable: true }) detail!: Record<string, unknown> | null;
}
